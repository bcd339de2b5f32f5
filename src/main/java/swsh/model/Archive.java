package swsh.model;

/**
 * The {@code archive} settings: where copies of the running config go ({@code path flash:NAME}, numbered
 * files NAME-1, NAME-2, ... in the config directory), how many are kept, and whether each
 * {@code write memory} makes one. {@link #NONE} when there is no {@code archive} block.
 */
public record Archive(boolean on, String path, int maximum, boolean writeMemory) {
    public static final int DEFAULT_MAXIMUM = 10;
    public static final Archive NONE = new Archive(false, null, DEFAULT_MAXIMUM, false);
    public static final Archive EMPTY = new Archive(true, null, DEFAULT_MAXIMUM, false);

    public Archive withPath(String p) { return new Archive(on, p, maximum, writeMemory); }
    public Archive withMaximum(int m) { return new Archive(on, path, m, writeMemory); }
    public Archive withWriteMemory(boolean w) { return new Archive(on, path, maximum, w); }
}

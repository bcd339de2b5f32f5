package swsh.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import swsh.model.Archive;

/**
 * The archive's files: {@code flash:NAME} is NAME under the config directory (never outside it), and the
 * archive of {@code path flash:NAME} is the numbered files NAME-1, NAME-2, ... of which the newest
 * {@code maximum} are kept. Every file is written atomically.
 */
public final class ArchiveStore {
    /** A file name under flash: as a user may give it: plain segments, no way out of the directory. */
    private static final Pattern NAME = Pattern.compile("flash:((?:[A-Za-z0-9_][A-Za-z0-9._-]*/)*[A-Za-z0-9_][A-Za-z0-9._-]*)");

    private final Path root;

    public ArchiveStore(ConfigStore store) {
        this.root = store.configDir;
    }

    /** Whether {@code url} is a file name this store accepts ({@code flash:NAME}). */
    public static boolean valid(String url) {
        return NAME.matcher(url).matches() && !url.contains("..");
    }

    /** The file of a {@code flash:NAME} URL. */
    Path file(String url) {
        Matcher m = NAME.matcher(url);
        if (!m.matches() || url.contains("..")) throw new EngineException("% Invalid file name: " + url);
        return root.resolve(m.group(1));
    }

    /** The archive's files, oldest first, as {@code number -> URL}. */
    public TreeMap<Integer, String> files(Archive a) throws IOException {
        TreeMap<Integer, String> out = new TreeMap<>();
        if (a.path() == null) return out;
        Path base = file(a.path());
        Path dir = base.getParent();
        if (!Files.isDirectory(dir)) return out;
        Pattern numbered = Pattern.compile(Pattern.quote(base.getFileName().toString()) + "-([1-9][0-9]{0,8})");
        try (var list = Files.newDirectoryStream(dir)) {
            for (Path p : list) {
                Matcher m = numbered.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) out.put(Integer.parseInt(m.group(1)), a.path() + "-" + m.group(1));
            }
        }
        return out;
    }

    /** The URL the next archive copy gets. */
    public String next(Archive a) throws IOException {
        TreeMap<Integer, String> f = files(a);
        return a.path() + "-" + (f.isEmpty() ? 1 : f.lastKey() + 1);
    }

    /** Saves {@code text} as the next archive copy, then drops the oldest beyond {@code maximum}; returns its URL. */
    public String save(Archive a, String text) throws IOException {
        if (a.path() == null) throw new EngineException("% Archive path is not set");
        String url = next(a);
        ConfigStore.writeAtomically(file(url), text);
        List<String> all = new ArrayList<>(files(a).values());
        for (int i = 0; i < all.size() - a.maximum(); i++) Files.deleteIfExists(file(all.get(i)));
        return url;
    }

    /** The text of a {@code flash:NAME} file, if it exists. */
    public Optional<String> read(String url) throws IOException {
        Path f = file(url);
        return Files.isRegularFile(f) ? Optional.of(ConfigStore.readText(f)) : Optional.empty();
    }
}

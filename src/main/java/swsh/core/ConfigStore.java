package swsh.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import swsh.model.Config;

/**
 * The config files: {@code startup-config} in the config dir, and the live running-config text
 * (plus its model as JSON, so other sessions load it without re-parsing) in the run dir. Every
 * write is atomic: temp file in the same directory, fsync, rename, fsync of the directory.
 * {@link #lock()} serializes changes between sessions and processes.
 */
public final class ConfigStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public final Path configDir;
    public final Path runDir;

    public ConfigStore(Path configDir, Path runDir) {
        this.configDir = configDir;
        this.runDir = runDir;
    }

    public Path startup() {
        return configDir.resolve("startup-config");
    }

    public Path running() {
        return runDir.resolve("running-config");
    }

    private Path model() {
        return runDir.resolve("running-config.json");
    }

    /**
     * An exclusive lock across processes; closing the returned channel releases it. The lock file
     * is private (0600, and root's when root takes the lock): a process that can open it can hold a
     * lock on it and so freeze every change, every new session and {@code swsh --local}.
     */
    public FileChannel lock() throws IOException {
        Files.createDirectories(runDir);
        Path file = runDir.resolve(".lock");
        // a lock file someone else could open (an older swsh made it 0644) is replaced by a new
        // one, so that even a descriptor opened earlier no longer locks anything
        if (!isPrivate(file)) {
            Path fresh = Files.createTempFile(runDir, ".lock.", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            ch.lock();
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int MY_UID = myUid();

    /** True when {@code file} does not exist yet, or is a regular file of this process's user with mode 0600. */
    private static boolean isPrivate(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return true;
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return false;
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        return perms.equals(OWNER_ONLY) && (MY_UID < 0 || ((Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == MY_UID);
    }

    private static int myUid() {
        try {
            return (int) new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** A stamp that changes whenever another session saved a new running-config. */
    public long runningStamp() {
        try {
            return Files.exists(model()) ? Files.getLastModifiedTime(model()).toMillis() ^ Files.size(model()) * 31 : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether a running config was ever saved here (since the run dir was made: a boot, on a real switch). */
    public boolean hasRunning() {
        return Files.exists(model());
    }

    public Optional<Config> loadRunning() {
        try {
            if (!Files.exists(model())) return Optional.empty();
            return Optional.of(JSON.readValue(model().toFile(), Config.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void saveRunning(Config cfg, String text) throws IOException {
        writeAtomically(model(), JSON.writeValueAsString(cfg));
        writeAtomically(running(), text);
    }

    public Optional<String> readStartup() throws IOException {
        return Files.exists(startup()) ? Optional.of(readText(startup())) : Optional.empty();
    }

    /** Largest config or script file read (a config of 4094 VLANs on 48 ports is far below it). */
    public static final long MAX_TEXT = 16L << 20;

    /**
     * A config or script file as text. Bytes that are not UTF-8 become U+FFFD, so one bad byte
     * (even in a comment) costs only its own line, which then fails with its line number.
     */
    public static String readText(Path file) throws IOException {
        if (Files.size(file) > MAX_TEXT) throw new IOException("file is larger than " + (MAX_TEXT >> 20) + " MiB");
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }


    public void saveStartup(String text) throws IOException {
        writeAtomically(startup(), text);
    }

    public boolean eraseStartup() throws IOException {
        return Files.deleteIfExists(startup());
    }

    /**
     * Deletes temp files a killed writer left behind ({@code .NAME.*.tmp} beside the config
     * files). Only for swshd's start, under the lock: a live writer's temp file must not vanish.
     */
    public int deleteStaleTemps() throws IOException {
        int n = 0;
        for (Path dir : List.of(configDir, runDir)) {
            if (!Files.isDirectory(dir)) continue;
            try (var files = Files.newDirectoryStream(dir, ".*.tmp")) {
                for (Path f : files) if (Files.deleteIfExists(f)) n++;
            }
        }
        return n;
    }

    /** The running-config text as saved, or empty. */
    public Optional<String> readRunningText() throws IOException {
        return Files.exists(running()) ? Optional.of(readText(running())) : Optional.empty();
    }

    /** Writes {@code text} so that readers only ever see the old file or the whole new one. */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically", e);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException ignored) {
                // some file systems cannot fsync a directory; the rename itself is still atomic
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

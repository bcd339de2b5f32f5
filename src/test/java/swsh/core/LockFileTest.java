package swsh.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

/** The lock that serializes changes is private: nobody else can open it, so nobody else can hold it. */
class LockFileTest {
    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewLockFileIsTheOwnersAlone() throws Exception {
        Path dir = swsh.TempDirs.make("swsh-lock");
        ConfigStore s = new ConfigStore(dir.resolve("etc"), dir.resolve("run"));
        try (FileChannel l = s.lock()) {
            assertEquals("rw-------", mode(dir.resolve("run/.lock")));
        }
    }

    @Test
    void anOldWorldReadableLockFileIsReplacedSoEarlierDescriptorsLockNothing() throws Exception {
        Path dir = swsh.TempDirs.make("swsh-lock");
        Path run = Files.createDirectories(dir.resolve("run"));
        Path lock = run.resolve(".lock");
        Files.createFile(lock, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-r--r--"));
        Object before = Files.getAttribute(lock, "unix:ino");
        ConfigStore s = new ConfigStore(dir.resolve("etc"), run);
        // someone opened the old file and holds a lock on it (in this process a second lock would throw)
        try (FileChannel old = FileChannel.open(lock, StandardOpenOption.READ, StandardOpenOption.WRITE);
             var held = old.lock()) {
            try (FileChannel l = s.lock()) {
                assertEquals("rw-------", mode(lock));
                assertNotEquals(before, Files.getAttribute(lock, "unix:ino"), "a new file, not the one held");
            }
        }
        try (FileChannel l = s.lock()) {
            assertEquals("rw-------", mode(lock));
        }
    }
}

package swsh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Temp directories of the tests, removed when the test run ends (a JUnit launcher session
 * listener, registered in META-INF/services), so a test run leaves the machine as it found it.
 */
public final class TempDirs implements LauncherSessionListener {
    private static final List<Path> DIRS = new CopyOnWriteArrayList<>();

    /** A new temp directory, removed at the end of the run. */
    public static Path make(String prefix) throws IOException {
        Path d = Files.createTempDirectory(prefix);
        DIRS.add(d);
        return d;
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        removeAll();
    }

    /** Removes every directory made so far (what a main outside JUnit, such as a bench, calls at its end). */
    public static void removeAll() {
        DIRS.forEach(Main::deleteTree);
        DIRS.clear();
    }
}

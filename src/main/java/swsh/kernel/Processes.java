package swsh.kernel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The iproute2 programs this JVM keeps running (batch pipes, monitors): ended when the JVM exits. A
 * batch program would end by itself when its input closes, a monitor only at its next event.
 */
final class Processes {
    private Processes() {}

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroy), "swsh-iproute2-cleanup"));
    }

    static void add(Process p) {
        LIVE.add(p);
    }

    static void remove(Process p) {
        LIVE.remove(p);
    }
}

package swsh.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows the kernel's link and address events with one long-lived {@code ip -o monitor link address}
 * (iproute2 6.1 prints monitor events as text only, one line each with {@code -o}). Those groups carry
 * every change the resident state holds: links coming and going, their flags, MTU, alias and master,
 * bridge and port attributes, and the VLANs of the bridge and its ports (the bridge announces them as
 * link messages of its ports); learned MACs (neighbour messages) are not followed. Every line goes
 * to {@code changed}; a line on standard error (such as a receive buffer overrun: events were lost)
 * and the monitor's end call it with null.
 */
final class Monitor implements AutoCloseable {
    private static final long SUBSCRIBE_WAIT_MS = 3000;

    private final List<String> argv;
    private final java.util.function.Consumer<String> changed;
    private final Runnable started;
    private volatile Process process;

    /** {@code changed} is given each event line, and null for anything else (standard error, the end). */
    Monitor(List<String> argv, java.util.function.Consumer<String> changed, Runnable started) {
        this.argv = List.copyOf(argv);
        this.changed = changed;
        this.started = started;
    }

    /** Whether the monitor runs. */
    boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Starts the monitor and waits until its netlink socket has joined the event groups, so that no
     * change after this returns goes unseen; {@code meanwhile} runs while it joins. False when it could not
     * start or did not join in time.
     */
    synchronized boolean start(Runnable meanwhile) {
        close();
        Process p;
        try {
            p = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            return false;
        }
        started.run();
        Processes.add(p);
        process = p;
        follow(p.getInputStream(), "swsh-monitor", true);
        follow(p.getErrorStream(), "swsh-monitor-stderr", false);
        meanwhile.run();
        long end = System.currentTimeMillis() + SUBSCRIBE_WAIT_MS;
        while (p.isAlive() && System.currentTimeMillis() < end) {
            if (subscribed(p.pid())) return true;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void follow(InputStream s, String name, boolean events) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) changed.accept(events ? line : null);
            } catch (IOException e) {
                // the monitor ended
            }
            changed.accept(null);
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Whether process {@code pid} has a route netlink socket that joined multicast groups (read from /proc). */
    static boolean subscribed(long pid) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
            return subscribed(Files.readString(Path.of("/proc", Long.toString(pid), "net", "netlink")), inodes);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a {@code /proc/PID/net/netlink} table ({@code sk Eth Pid Groups Rmem Wmem Dump Locks Drops
     * Inode}) has a route netlink socket (Eth 0) with joined groups among the sockets {@code inodes}.
     */
    static boolean subscribed(String table, Set<String> inodes) {
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[1].equals("0") || !inodes.contains(f[9])) continue;
            try {
                if (Long.parseLong(f[3], 16) != 0) return true;
            } catch (NumberFormatException e) {
                // the header
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        Process p = process;
        process = null;
        if (p != null) {
            Processes.remove(p);
            p.destroy();
        }
    }
}

package swsh.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * systemd's readiness protocol (sd_notify(3)) for swshd's {@code Type=notify} unit: one datagram
 * {@code READY=1} to the Unix socket named in {@code $NOTIFY_SOCKET}, sent by swshd itself once
 * startup-config is replayed and its socket listens (systemd-notify(1) run from a child is
 * unreliable: systemd may not attribute its message to the service). The JDK's Unix-domain
 * channels are stream-only, so the datagram goes through libc ({@link UnixServer#datagram}).
 */
final class Notify {
    private Notify() {}

    /**
     * Tells the service manager swshd is ready, with {@code status} (one line, may be null) for
     * {@code systemctl status}. Not under systemd ({@code NOTIFY_SOCKET} unset): nothing. A
     * failure is logged, never fatal: systemd then times the start out and says so.
     */
    static void ready(String status) {
        String socket = System.getenv("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) return;
        String msg = "READY=1\nMAINPID=" + ProcessHandle.current().pid() + "\n"
                + (status == null ? "" : "STATUS=" + status.replace('\n', ' ') + "\n");
        try {
            UnixServer.datagram(socket, msg.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            Daemon.log("cannot tell systemd swshd is ready: " + e.getMessage());
        }
    }
}

package swsh.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import swsh.shell.User;

/**
 * Where a client is: the remote address of the SSH connection it runs under, found from what the
 * kernel vouches for rather than from what the client says. From the peer's pid (SO_PEERCRED) up
 * its ancestors to an sshd process owned by root (the session's privileged monitor, or a root
 * login's session process), whose established TCP socket has the client's address. What the client
 * says ({@code from} in its hello, from {@code SSH_CLIENT}, which any user can set) is only kept
 * when nothing can be verified, only when it is an IP address, and marked {@code ?}.
 */
final class Origin {
    static final String UNVERIFIED = "?";
    private static final int MAX_DEPTH = 64;
    private final Path proc;

    Origin(Path proc) {
        this.proc = proc;
    }

    static Origin system() {
        return new Origin(Path.of("/proc"));
    }

    /** What to show as the origin of a client with peer {@code pid} that claims {@code claimed}. */
    String of(int pid, String claimed) {
        String verified = sshAddress(pid);
        if (verified != null) return verified;
        String ip = User.ipLiteral(claimed);
        return ip == null ? "" : ip + UNVERIFIED;
    }

    /** The remote address of the SSH connection {@code pid} descends from; null when there is none. */
    String sshAddress(int pid) {
        int p = pid;
        for (int depth = 0; depth < MAX_DEPTH && p > 1; depth++) {
            Path dir = proc.resolve(Integer.toString(p));
            if (isSshd(dir) && uid(dir) == 0) {
                String a = tcpPeer(dir);
                if (a != null) return a;
            }
            p = parent(dir);
        }
        return null;
    }

    private static boolean isSshd(Path dir) {
        try {
            String exe = Files.readSymbolicLink(dir.resolve("exe")).getFileName().toString();
            return exe.equals("sshd") || exe.equals("sshd-session");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The real uid of a process, -1 when unknown. */
    private static int uid(Path dir) {
        try {
            for (String l : Files.readAllLines(dir.resolve("status"), StandardCharsets.ISO_8859_1)) {
                if (l.startsWith("Uid:")) return Integer.parseInt(l.substring(4).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** The parent pid; 0 when unknown. {@code comm} may hold spaces and parentheses: fields follow the last ')'. */
    private static int parent(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The remote address of the first (oldest) established TCP socket the process holds. */
    private static String tcpPeer(Path dir) {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String t = Files.readSymbolicLink(fd).toString();
                    if (t.startsWith("socket:[")) inodes.add(Long.parseLong(t.substring(8, t.length() - 1)));
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (inodes.isEmpty()) return null;
        long best = Long.MAX_VALUE;
        String addr = null;
        for (String table : List.of("net/tcp", "net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(dir.resolve(table), StandardCharsets.ISO_8859_1);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (String l : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = l.trim().split("\\s+");
                if (f.length < 10 || !f[3].equals("01")) continue; // ESTABLISHED only
                long inode;
                try {
                    inode = Long.parseLong(f[9]);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (!inodes.contains(inode) || inode >= best) continue;
                String a = address(f[2]);
                if (a != null) {
                    best = inode;
                    addr = a;
                }
            }
        }
        return addr;
    }

    /**
     * An address as /proc/net/tcp{,6} print it: {@code HEX:PORT}, the address as 32-bit words each
     * in the host's byte order (little-endian here).
     */
    static String address(String field) {
        try {
            String hex = field.substring(0, field.indexOf(':'));
            if (hex.length() != 8 && hex.length() != 32) return null;
            byte[] b = new byte[hex.length() / 2];
            boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
            for (int w = 0; w < b.length / 4; w++) {
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(hex.substring(w * 8 + i * 2, w * 8 + i * 2 + 2), 16);
                    b[w * 4 + (little ? 3 - i : i)] = (byte) v;
                }
            }
            String s = InetAddress.getByAddress(b).getHostAddress();
            // an IPv6 address as sshd writes it: compressed
            return s.indexOf(':') >= 0 ? compress(s) : s;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Java's full IPv6 form ({@code 0:0:0:0:0:0:0:1}) shortened as RFC 5952 says ({@code ::1}). */
    static String compress(String full) {
        String[] g = full.split(":");
        int bestAt = -1, bestLen = 1;
        for (int i = 0; i < g.length; ) {
            if (!g[i].equals("0")) {
                i++;
                continue;
            }
            int j = i;
            while (j < g.length && g[j].equals("0")) j++;
            if (j - i > bestLen) {
                bestAt = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestAt < 0) return full;
        String head = String.join(":", java.util.Arrays.copyOfRange(g, 0, bestAt));
        String tail = String.join(":", java.util.Arrays.copyOfRange(g, bestAt + bestLen, g.length));
        return head + "::" + tail;
    }
}

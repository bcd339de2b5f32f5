package swsh.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * swshd's listening Unix socket, through libc (JNA): the JDK's Unix-domain channels tell a peer's
 * user but not its process id, and have no read timeout. Each accepted connection knows its
 * peer's pid, uid and gid from {@code SO_PEERCRED}, as the kernel recorded them at connect.
 */
final class UnixServer implements AutoCloseable {
    private static final int AF_UNIX = 1, SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1, SO_PEERCRED = 17, SO_RCVTIMEO = 20, SO_SNDTIMEO = 21;
    private static final int MSG_DONTWAIT = 0x40, MSG_NOSIGNAL = 0x4000;
    static final int ENOENT = 2, EINTR = 4, EAGAIN = 11, EACCES = 13, ENFILE = 23, EMFILE = 24, ECONNREFUSED = 111;
    private static final int SHUT_RDWR = 2;

    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, byte[] addr, int len) throws LastErrorException;

        int listen(int fd, int backlog) throws LastErrorException;

        int accept4(int fd, Pointer addr, Pointer len, int flags) throws LastErrorException;

        int getsockopt(int fd, int level, int name, byte[] value, IntByReference len) throws LastErrorException;

        int setsockopt(int fd, int level, int name, byte[] value, int len) throws LastErrorException;

        NativeLong recv(int fd, Pointer buf, NativeLong len, int flags) throws LastErrorException;

        NativeLong send(int fd, Pointer buf, NativeLong len, int flags) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrLen) throws LastErrorException;

        int shutdown(int fd, int how) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static LibC c;

    private static synchronized LibC libc() throws IOException {
        if (c == null) {
            try {
                c = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
            } catch (LinkageError | RuntimeException e) {
                throw new IOException("cannot reach libc for the Unix socket: " + e.getMessage(), e);
            }
        }
        return c;
    }

    /** An I/O error with the C errno, so callers can tell "too many open files" from the rest. */
    static final class Errno extends IOException {
        final int errno;

        Errno(String op, LastErrorException e) {
            super(op + ": " + describe(e.getErrorCode()), e);
            this.errno = e.getErrorCode();
        }

        private static String describe(int errno) {
            return switch (errno) {
                case EMFILE -> "Too many open files";
                case ENFILE -> "Too many open files in system";
                case EAGAIN -> "Resource temporarily unavailable";
                case ENOENT -> "No such file or directory";
                case EACCES -> "Permission denied";
                case ECONNREFUSED -> "Connection refused";
                default -> "errno " + errno;
            };
        }
    }

    private final int fd;

    /**
     * A {@code struct sockaddr_un} for {@code path}; a leading {@code @} names the abstract
     * namespace (as systemd writes it in {@code NOTIFY_SOCKET}).
     */
    private static byte[] address(String path) throws IOException {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length > 107 || p.length == 0) throw new IOException("bad socket path: " + path);
        boolean abstractName = p[0] == '@';
        if (abstractName) p[0] = 0;
        byte[] addr = new byte[2 + p.length + (abstractName ? 0 : 1)];
        ByteBuffer.wrap(addr).order(ByteOrder.nativeOrder()).putShort((short) AF_UNIX);
        System.arraycopy(p, 0, addr, 2, p.length);
        return addr;
    }

    /** A new close-on-exec Unix socket of {@code type}. */
    private static int socket(LibC lc, int type) throws IOException {
        try {
            return lc.socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new Errno("socket", e);
        }
    }

    /** Sends one datagram to the Unix datagram socket {@code path} (sd_notify's protocol). */
    static void datagram(String path, byte[] message) throws IOException {
        LibC lc = libc();
        byte[] addr = address(path);
        int s = socket(lc, SOCK_DGRAM);
        try {
            lc.sendto(s, message, new NativeLong(message.length), MSG_NOSIGNAL, addr, addr.length);
        } catch (LastErrorException e) {
            throw new Errno("send to " + path, e);
        } finally {
            closeQuietly(s);
        }
    }

    /** Listens on {@code path} (which must not exist); the caller sets the file's mode. */
    UnixServer(Path path, int backlog) throws IOException {
        LibC lc = libc();
        byte[] addr = address(path.toString());
        int s = socket(lc, SOCK_STREAM);
        try {
            lc.bind(s, addr, addr.length);
            lc.listen(s, backlog);
        } catch (LastErrorException e) {
            closeQuietly(s);
            throw new Errno("bind " + path, e);
        }
        this.fd = s;
    }

    /** Waits for the next client. */
    Conn accept() throws IOException {
        LibC lc = libc();
        int cfd;
        while (true) {
            try {
                cfd = lc.accept4(fd, null, null, SOCK_CLOEXEC);
                break;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) throw new Errno("accept", e);
            }
        }
        try {
            byte[] cred = new byte[12];
            IntByReference len = new IntByReference(cred.length);
            lc.getsockopt(cfd, SOL_SOCKET, SO_PEERCRED, cred, len);
            ByteBuffer b = ByteBuffer.wrap(cred).order(ByteOrder.nativeOrder());
            return new Conn(cfd, b.getInt(0), b.getInt(4), b.getInt(8));
        } catch (LastErrorException e) {
            closeQuietly(cfd);
            throw new Errno("SO_PEERCRED", e);
        } catch (RuntimeException e) {
            closeQuietly(cfd);
            throw e;
        }
    }

    @Override
    public void close() {
        closeQuietly(fd);
    }

    private static void closeQuietly(int fd) {
        try {
            c.close(fd);
        } catch (RuntimeException e) {
            // nothing more to do
        }
    }

    /** One client: its credentials, and streams that read and write its socket. */
    static final class Conn implements java.io.Closeable {
        final int pid, uid, gid;
        private final int fd;
        private boolean closed;
        private final Memory inBuf = new Memory(16384), outBuf = new Memory(16384);

        Conn(int fd, int pid, int uid, int gid) {
            this.fd = fd;
            this.pid = pid;
            this.uid = uid;
            this.gid = gid;
        }

        /** A read that waits longer than {@code millis} (0: forever) fails with SocketTimeoutException. */
        void readTimeout(long millis) throws IOException {
            timeout(SO_RCVTIMEO, millis);
        }

        /** A write that cannot go out within {@code millis} (0: forever) fails. */
        void writeTimeout(long millis) throws IOException {
            timeout(SO_SNDTIMEO, millis);
        }

        private void timeout(int opt, long millis) throws IOException {
            // struct timeval: two longs
            byte[] tv = new byte[2 * Native.LONG_SIZE];
            ByteBuffer b = ByteBuffer.wrap(tv).order(ByteOrder.nativeOrder());
            if (Native.LONG_SIZE == 8) b.putLong(millis / 1000).putLong(millis % 1000 * 1000);
            else b.putInt((int) (millis / 1000)).putInt((int) (millis % 1000 * 1000));
            try {
                libc().setsockopt(fd, SOL_SOCKET, opt, tv, tv.length);
            } catch (LastErrorException e) {
                throw new Errno("setsockopt", e);
            }
        }

        /** Sends {@code bytes} if the socket takes them at once, never waiting; then the caller closes. */
        void sendNow(byte[] bytes) {
            try {
                int n = (int) Math.min(bytes.length, outBuf.size());
                outBuf.write(0, bytes, 0, n);
                libc().send(fd, outBuf, new NativeLong(n), MSG_DONTWAIT | MSG_NOSIGNAL);
            } catch (LastErrorException | IOException e) {
                // the client is gone, or does not read: it gets nothing
            }
        }

        final InputStream in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                int want = (int) Math.min(len, inBuf.size());
                while (true) {
                    try {
                        int n = libc().recv(fd, inBuf, new NativeLong(want), 0).intValue();
                        if (n == 0) return -1;
                        inBuf.read(0, b, off, n);
                        return n;
                    } catch (LastErrorException e) {
                        if (e.getErrorCode() == EINTR) continue;
                        if (e.getErrorCode() == EAGAIN) throw new SocketTimeoutException("read timed out");
                        throw new Errno("recv", e);
                    }
                }
            }
        };

        final OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    int n = (int) Math.min(len, outBuf.size());
                    outBuf.write(0, b, off, n);
                    int sent;
                    try {
                        sent = libc().send(fd, outBuf, new NativeLong(n), MSG_NOSIGNAL).intValue();
                    } catch (LastErrorException e) {
                        if (e.getErrorCode() == EINTR) continue;
                        if (e.getErrorCode() == EAGAIN) throw new SocketTimeoutException("write timed out");
                        throw new Errno("send", e);
                    }
                    off += sent;
                    len -= sent;
                }
            }
        };

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            try {
                c.shutdown(fd, SHUT_RDWR);
            } catch (RuntimeException e) {
                // not connected any more
            }
            closeQuietly(fd);
        }
    }
}

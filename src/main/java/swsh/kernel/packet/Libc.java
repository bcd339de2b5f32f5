package swsh.kernel.packet;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/** The libc calls an AF_PACKET socket needs, through JNA. */
interface Libc extends Library {
    int AF_PACKET = 17;
    int SOCK_RAW = 3;
    int SOCK_NONBLOCK = 04000;
    int SOCK_CLOEXEC = 02000000;
    int ETH_P_ALL = 0x0003;
    int SOL_SOCKET = 1;
    int SO_ATTACH_FILTER = 26;
    int SOL_PACKET = 263;
    int PACKET_IGNORE_OUTGOING = 23;
    int SIOCGIFFLAGS = 0x8913;
    int SIOCGIFHWADDR = 0x8927;
    int SIOCGIFINDEX = 0x8933;
    int SIOCETHTOOL = 0x8946;
    int IFF_UP = 0x1;
    int IFF_RUNNING = 0x40;
    int POLLIN = 1;
    int O_RDONLY = 0;
    int CLONE_NEWNET = 0x40000000;

    Libc C = Native.load(Platform.C_LIBRARY_NAME, Libc.class);

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] addr, int len) throws LastErrorException;

    int setsockopt(int fd, int level, int name, byte[] value, int len) throws LastErrorException;

    int ioctl(int fd, int request, byte[] arg) throws LastErrorException;

    int poll(byte[] fds, int nfds, int timeout) throws LastErrorException;

    int recv(int fd, byte[] buf, int len, int flags) throws LastErrorException;

    int send(int fd, byte[] buf, int len, int flags) throws LastErrorException;

    int open(String path, int flags) throws LastErrorException;

    int setns(int fd, int nstype) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}

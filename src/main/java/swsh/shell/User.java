package swsh.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Who is at the keyboard, and from where. Root (uid 0, whatever its name) and members of group
 * {@code swsh-admin} may enable without a password; members of {@code swsh} need the enable
 * secret; others stay in user EXEC.
 * <p>
 * Accounts and groups come from libc's NSS functions ({@code getpwnam_r}, {@code getgrouplist},
 * {@code getgrnam_r}, through JNA), so they are the ones {@code id USER} shows, LDAP or SSSD
 * included; membership counts the primary group as well as the supplementary ones. When libc
 * cannot be reached, nobody gets privileges.
 */
public record User(String name, boolean admin, boolean member, String line, String from) {
    public static final String ADMIN_GROUP = "swsh-admin";
    public static final String MEMBER_GROUP = "swsh";
    /** Longest name, line or origin kept; what is shown in show users and logged. */
    static final int MAX_FIELD = 64;

    /**
     * Everything a user record holds is shown to other users (show users) and logged, so none of
     * it may carry control characters: those are replaced, and each field is bounded.
     */
    public User {
        name = Audit.printable(name == null ? "" : name, MAX_FIELD);
        line = Audit.printable(line == null ? "" : line, MAX_FIELD);
        from = from == null ? "" : Audit.printable(from, MAX_FIELD);
    }

    /** The user by account name, with privileges from NSS; an unknown account has none. */
    public static User of(String name, String line, String from) {
        boolean admin = false, member = false;
        Nss.Passwd p = Nss.passwd(name);
        if (p != null) {
            int[] groups = Nss.groupList(name, p.gid());
            admin = p.uid() == 0 || contains(groups, gid(ADMIN_GROUP));
            member = admin || contains(groups, gid(MEMBER_GROUP));
        }
        return new User(name, admin, member, line, from);
    }

    /**
     * The user with uid {@code uid} (as the kernel vouches for a socket's peer); an account NSS
     * does not know is shown by its number and has no privileges.
     */
    public static User ofUid(int uid, String line, String from) {
        String name = Nss.name(uid);
        return name == null ? new User(Integer.toString(uid), false, false, line, from) : of(name, line, from);
    }

    /** The account name of {@code uid}, or its number when NSS does not know it. */
    public static String nameOf(int uid) {
        String name = Nss.name(uid);
        return Audit.printable(name == null ? Integer.toString(uid) : name, MAX_FIELD);
    }

    /**
     * {@code s} as an IP address literal (IPv4 dotted quad or IPv6, as sshd writes them in
     * {@code SSH_CLIENT}), as written; null when it is anything else. No name is resolved.
     */
    public static String ipLiteral(String s) {
        if (s == null || s.isEmpty() || s.length() > 45) return null;
        boolean v4 = s.matches("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
        boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+");
        if (v4) return s;
        if (!v6) return null;
        try {
            // a bracketed literal is parsed, never looked up
            java.net.InetAddress.getByName("[" + s + "]");
            return s;
        } catch (java.net.UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    /** True when this process runs as root (effective uid 0; needed to drive the kernel or build the lab). */
    public static boolean processIsRoot() {
        if (Nss.C != null) return Nss.C.geteuid() == 0;
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The user running this process (the in-process shell). */
    public static User local() {
        String name = Nss.C == null ? null : Nss.name(Nss.C.geteuid());
        if (name == null) name = System.getProperty("user.name");
        String from = System.getenv("SSH_CLIENT");
        String ip = from == null ? null : ipLiteral(from.split(" ")[0]);
        return of(name, "con 0", ip == null ? "" : ip);
    }

    /** The uid of account {@code name}, if NSS knows it. */
    static OptionalInt uid(String name) {
        Nss.Passwd p = Nss.passwd(name);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p.uid());
    }

    /** The names of all groups of account {@code name}, primary first, as {@code id -Gn NAME} lists them. */
    static List<String> groups(String name) {
        List<String> l = new ArrayList<>();
        Nss.Passwd p = Nss.passwd(name);
        if (p == null) return l;
        for (int g : Nss.groupList(name, p.gid())) {
            String n = Nss.groupName(g);
            l.add(n == null ? Integer.toString(g) : n);
        }
        return l;
    }

    /** The gid of group {@code group}, or -1 when NSS does not know it. */
    private static int gid(String group) {
        return Nss.validName(group) ? Nss.groupId(group) : -1;
    }

    private static boolean contains(int[] a, int v) {
        return v != -1 && Arrays.stream(a).anyMatch(x -> x == v);
    }

    /** libc's reentrant NSS lookups. Structure offsets are those of Linux's struct passwd and struct group. */
    private static final class Nss {
        interface LibC extends Library {
            int geteuid();

            int getpwnam_r(String name, Pointer pwd, Pointer buf, NativeLong buflen, PointerByReference result);

            int getpwuid_r(int uid, Pointer pwd, Pointer buf, NativeLong buflen, PointerByReference result);

            int getgrnam_r(String name, Pointer grp, Pointer buf, NativeLong buflen, PointerByReference result);

            int getgrgid_r(int gid, Pointer grp, Pointer buf, NativeLong buflen, PointerByReference result);

            int getgrouplist(String user, int group, int[] groups, IntByReference ngroups);
        }

        static final LibC C = load();
        private static final int ERANGE = 34;
        private static final long MAX_BUF = 1 << 24; // a large LDAP group lists many members
        private static final int MAX_GROUPS = 65_536;
        /** {@code pw_name, pw_passwd} then {@code pw_uid, pw_gid}; {@code gr_name, gr_passwd} then {@code gr_gid}. */
        private static final int ID_OFFSET = 2 * Native.POINTER_SIZE;
        private static final int STRUCT_SIZE = 8 * Native.POINTER_SIZE;

        record Passwd(int uid, int gid) {}

        private static LibC load() {
            try {
                return Native.load(Platform.C_LIBRARY_NAME, LibC.class);
            } catch (LinkageError | RuntimeException e) {
                return null;
            }
        }

        /** Account and group names handed to libc: no NUL or other control characters. */
        static boolean validName(String name) {
            return name != null && !name.isEmpty() && name.length() <= 256
                    && name.chars().noneMatch(ch -> ch < ' ' || ch == 0x7f);
        }

        static Passwd passwd(String name) {
            if (C == null || !validName(name)) return null;
            return lookup((s, b, n, r) -> C.getpwnam_r(name, s, b, n, r),
                    s -> new Passwd(s.getInt(ID_OFFSET), s.getInt(ID_OFFSET + 4)));
        }

        static String name(int uid) {
            if (C == null) return null;
            return lookup((s, b, n, r) -> C.getpwuid_r(uid, s, b, n, r), s -> s.getPointer(0).getString(0));
        }

        static int groupId(String group) {
            if (C == null) return -1;
            Integer g = lookup((s, b, n, r) -> C.getgrnam_r(group, s, b, n, r), s -> s.getInt(ID_OFFSET));
            return g == null ? -1 : g;
        }

        static String groupName(int gid) {
            if (C == null) return null;
            return lookup((s, b, n, r) -> C.getgrgid_r(gid, s, b, n, r), s -> s.getPointer(0).getString(0));
        }

        /** All gids of {@code user}, primary ({@code gid}) first. */
        static int[] groupList(String user, int gid) {
            if (C == null) return new int[0];
            for (int n = 64; n <= MAX_GROUPS; ) {
                int[] groups = new int[n];
                IntByReference count = new IntByReference(n);
                if (C.getgrouplist(user, gid, groups, count) >= 0) {
                    // the primary group first (glibc does so already), each group once
                    int[] l = new int[n + 1];
                    l[0] = gid;
                    int k = 1;
                    for (int i = 0; i < Math.min(count.getValue(), n); i++) if (groups[i] != gid) l[k++] = groups[i];
                    return Arrays.copyOf(l, k);
                }
                n = Math.max(n * 2, count.getValue()); // too small: ngroups now says how many there are
            }
            return new int[] {gid};
        }

        interface Call {
            int run(Pointer struct, Pointer buf, NativeLong buflen, PointerByReference result);
        }

        interface Read<T> {
            T from(Pointer struct);
        }

        /** Runs a {@code get*_r} lookup, growing the buffer on ERANGE; null when not found or on error. */
        private static <T> T lookup(Call call, Read<T> read) {
            for (long size = 1024; size <= MAX_BUF; size *= 4) {
                Memory struct = new Memory(STRUCT_SIZE), buf = new Memory(size);
                PointerByReference result = new PointerByReference();
                int rc = call.run(struct, buf, new NativeLong(size), result);
                if (rc == ERANGE) continue;
                if (rc != 0 || result.getValue() == null) return null;
                return read.from(struct);
            }
            return null;
        }
    }
}

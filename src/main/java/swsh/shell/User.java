package swsh.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Who is at the keyboard, and from where. Members of group {@code swsh-admin} (and root) may
 * enable without a password; members of {@code swsh} need the enable secret; others stay in
 * user EXEC.
 */
public record User(String name, boolean admin, boolean member, String line, String from) {
    public static final String ADMIN_GROUP = "swsh-admin";
    public static final String MEMBER_GROUP = "swsh";

    /** The user by name, with groups from /etc/group (primary group included). */
    public static User of(String name, String primaryGroup, String line, String from) {
        boolean admin = name.equals("root") || inGroup(name, primaryGroup, ADMIN_GROUP);
        boolean member = admin || inGroup(name, primaryGroup, MEMBER_GROUP);
        return new User(name, admin, member, line, from);
    }

    /** True when this process runs as root (needed to drive the kernel or build the lab). */
    public static boolean processIsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The user running this process (the in-process shell). */
    public static User local() {
        String name = System.getProperty("user.name");
        String from = System.getenv("SSH_CLIENT");
        return of(name, null, "console", from == null ? "" : from.split(" ")[0]);
    }

    static boolean inGroup(String user, String primaryGroup, String group) {
        if (group.equals(primaryGroup)) return true;
        try {
            for (String l : Files.readAllLines(Path.of("/etc/group"))) {
                String[] f = l.split(":", -1);
                if (f.length >= 4 && f[0].equals(group) && List.of(f[3].split(",")).contains(user)) return true;
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}

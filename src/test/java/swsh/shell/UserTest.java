package swsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Users and groups come from NSS, as {@code id} shows them; root is uid 0. */
class UserTest {
    @Test
    void theGroupsOfTheCurrentUserAreTheOnesIdShows() throws Exception {
        String me = id("-un");
        List<String> groups = User.groups(me);
        assertEquals(id("-gn", me), groups.get(0), "the primary group comes first");
        assertEquals(Set.of(id("-Gn", me).split(" ")), new TreeSet<>(groups));
        assertEquals(Integer.parseInt(id("-u", me)), User.uid(me).getAsInt());
    }

    @Test
    void privilegesFollowUidAndGroups() throws Exception {
        String me = id("-un");
        Set<String> groups = Set.of(id("-Gn", me).split(" "));
        User u = User.of(me, "console", "");
        boolean admin = id("-u", me).equals("0") || groups.contains(User.ADMIN_GROUP);
        assertEquals(admin, u.admin());
        assertEquals(admin || groups.contains(User.MEMBER_GROUP), u.member());
        assertEquals(id("-u").equals("0"), User.processIsRoot());
        assertEquals(me, User.local().name());
    }

    @Test
    void rootIsAdminByUid() throws Exception {
        assumeTrue(id("-u", "root").equals("0"), "this machine has a root account with uid 0");
        User root = User.of("root", "console", "");
        assertTrue(root.admin());
        assertTrue(root.member());
        if (id("-u").equals("0")) assertTrue(User.local().admin(), "this test runs as root");
    }

    @Test
    void anUnknownAccountHasNoPrivileges() {
        for (String name : new String[] {"swsh-no-such-user-4711", "", "root\0", "ro\nt", " root"}) {
            User u = User.of(name, "console", "");
            assertFalse(u.admin(), name);
            assertFalse(u.member(), name);
            assertTrue(User.uid(name).isEmpty(), name);
            assertTrue(User.groups(name).isEmpty(), name);
        }
    }

    /** What {@code id ARGS} prints, trimmed. */
    private static String id(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("id"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), "id " + String.join(" ", args) + ": " + out);
        return out;
    }
}

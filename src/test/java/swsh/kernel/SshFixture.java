package swsh.kernel;

import static swsh.kernel.Net.sh;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import swsh.core.ConfigStore;

/**
 * A real login path: OpenSSH's sshd on 127.0.0.1:2222 with its own config and host key, test
 * users whose login shell is swsh (swadmin in swsh-admin, swop in swsh, swguest in neither),
 * and swshd driving a bridge in namespace {@code sshsw} whose ports eth1..eth3 go to hosts.
 */
final class SshFixture implements AutoCloseable {
    static final Path DIR = Path.of("/tmp/swsh-ssh");
    static final int PORT = 2222;
    static final String NS = "sshsw";

    final swsh.shell.Switch sw;
    private final Process sshd;

    SshFixture() throws Exception {
        sh("rm", "-rf", DIR.toString());
        for (String d : List.of("", "keys", "home", "cp", "etc", "run")) Files.createDirectories(DIR.resolve(d));
        Files.createDirectories(Path.of("/run/sshd"));
        for (int i = 1; i <= 3; i++) Net.host("sh" + i, NS, "eth" + i, "10.9.0." + i + "/24");

        Path shell = DIR.resolve("swsh-login");
        Files.writeString(shell, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java")
                + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp " + copyClasspath(DIR.resolve("cp")) + " swsh.Launch --run-dir "
                + DIR.resolve("run") + " \"$@\"\n");
        sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", DIR.resolve("hostkey").toString());
        sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", DIR.resolve("client").toString());
        for (String g : List.of("swsh-admin", "swsh")) {
            if (!Net.ok("getent", "group", g)) {
                sh("groupadd", g);
                createdGroups.add(g);
            }
        }
        user("swadmin", "swsh-admin", shell);
        user("swop", "swsh", shell);
        user("swguest", null, shell);
        Files.writeString(DIR.resolve("sshd_config"), String.join("\n",
                "Port " + PORT, "ListenAddress 127.0.0.1", "HostKey " + DIR.resolve("hostkey"),
                "AuthorizedKeysFile " + DIR.resolve("keys") + "/%u", "PasswordAuthentication no",
                "KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no", "PrintMotd no", "PrintLastLog no",
                "PidFile " + DIR.resolve("sshd.pid"), "LogLevel ERROR", ""));
        sh("chmod", "-R", "a+rX", DIR.toString());
        sh("chmod", "755", shell.toString());
        sh("chmod", "600", DIR.resolve("client").toString(), DIR.resolve("hostkey").toString());

        sw = swsh.shell.Switch.of(new LiveKernel("swbr0", NS),
                new ConfigStore(DIR.resolve("etc"), DIR.resolve("run")), "sw-ssh");
        // as swshd starts (swsh daemon): startup-config replayed onto the kernel before the first
        // session, so that the kernel's monitor and iproute2 programs run before anyone types. A
        // switch first touching the kernel in a session's command took seconds under load there,
        // longer than netmiko's 2 s of quiet that it takes for "all output read" (see NetmikoLoadTest)
        swsh.Main.replayStartup(sw);
        Net.swshd(sw, DIR.resolve("run"), "swshd");
        sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", DIR.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(DIR.resolve("sshd.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", PORT)) {
                break;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
    }

    /** Accounts and groups this fixture made, removed again by {@link #close()}: the machine is left as found. */
    private final List<String> createdUsers = new ArrayList<>();
    private final List<String> createdGroups = new ArrayList<>();

    private void user(String name, String group, Path shell) throws IOException {
        String home = DIR.resolve("home").resolve(name).toString();
        if (Net.ok("id", name)) {
            sh("usermod", "-s", shell.toString(), "-d", home, "-G", group == null ? "" : group, name);
        } else {
            List<String> cmd = new ArrayList<>(List.of("useradd", "-m", "-d", home, "-s", shell.toString()));
            if (group != null) cmd.addAll(List.of("-G", group));
            cmd.add(name);
            sh(cmd.toArray(new String[0]));
            createdUsers.add(name);
        }
        Files.createDirectories(Path.of(home));
        sh("chown", name, home);
        sh("usermod", "-p", "*", name);
        Files.copy(DIR.resolve("client.pub"), DIR.resolve("keys").resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The classpath, expanded from surefire's manifest jar and copied into {@code into}, where the test users can read it. */
    static String copyClasspath(Path into) throws IOException {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (Path p : expand(System.getProperty("java.class.path"))) {
            Path dst = into.resolve((n++) + "-" + p.getFileName());
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path f : s.toList()) {
                        Path t = dst.resolve(p.relativize(f).toString());
                        if (Files.isDirectory(f)) Files.createDirectories(t);
                        else Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } else if (Files.exists(p)) {
                Files.copy(p, dst, StandardCopyOption.REPLACE_EXISTING);
            }
            out.add(dst.toString());
        }
        return String.join(":", out);
    }

    private static List<Path> expand(String classpath) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String e : classpath.split(":")) {
            Path p = Path.of(e);
            if (e.endsWith(".jar") && Files.exists(p)) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    Manifest m = jar.getManifest();
                    String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                    if (cp != null && !cp.isBlank()) {
                        for (String u : cp.trim().split("\\s+")) out.add(Path.of(java.net.URI.create(u)));
                        continue;
                    }
                }
            }
            out.add(p);
        }
        return out;
    }

    /** {@code ssh user@127.0.0.1 -p 2222 [args]} with the test key; stdin is {@code input}. */
    LiveKernel.Result ssh(String user, String input, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-i", DIR.resolve("client").toString(), "-p", Integer.toString(PORT),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "BatchMode=yes"));
        cmd.add(user + "@127.0.0.1");
        cmd.addAll(List.of(args));
        return LiveKernel.exec(cmd, input);
    }

    /** An interactive {@code ssh -tt} login, driven like an automation client drives it. */
    Process login(String user) throws IOException {
        return new ProcessBuilder("ssh", "-tt", "-i", DIR.resolve("client").toString(), "-p", Integer.toString(PORT),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                user + "@127.0.0.1").redirectErrorStream(true).start();
    }

    static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Override
    public void close() {
        sshd.destroy();
        for (String u : createdUsers) Net.ok("userdel", "-f", u);
        for (String g : createdGroups) Net.ok("groupdel", g);
        Net.ok("rm", "-rf", DIR.toString());
    }
}

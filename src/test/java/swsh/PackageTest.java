package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Debian package the Maven build makes (packaging/build-deb.sh, at package time; this runs
 * after it, in mvn verify): lintian finds no error or warning; installed with apt-get into a clean
 * root (packaging/test-deb.sh) it works, is enabled, verifies under systemd-analyze with an
 * exposure of at most 4.0, renders its pages, completes, and leaves nothing once purged; and the
 * jars in it keep the licences, carry no other system's native code and are multi-release.
 * A tool that is missing fails the test: .ci/run installs them.
 */
@Tag("package")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PackageTest {
    private static Path deb() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<Path> debs = s.filter(p -> p.getFileName().toString().matches("swsh_.*\\.deb")).toList();
            assertEquals(1, debs.size(), "one .deb in target/: " + debs);
            return debs.get(0);
        }
    }

    @Test
    void lintianFindsNoErrorOrWarning() throws Exception {
        ProcessCliTest.Result r = ProcessCliTest.run(List.of("lintian", "--fail-on", "none", deb().toString()), Map.of());
        assertEquals(0, r.rc(), "lintian: " + r.out() + r.err());
        List<String> bad = r.out().lines().filter(l -> l.startsWith("E:") || l.startsWith("W:")).toList();
        assertEquals(List.of(), bad, r.out());
    }

    @Test
    void packageIsReproducible() throws Exception {
        Path deb = deb();
        byte[] first = Files.readAllBytes(deb);
        ProcessCliTest.Result r = ProcessCliTest.run(List.of("sh", "packaging/build-deb.sh"), Map.of());
        assertEquals(0, r.rc(), r.out() + r.err());
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(deb)), "build-deb.sh made a different " + deb);
    }

    @Test
    void installsIntoACleanRootWorksAndPurgesClean() throws Exception {
        ProcessCliTest.Result r = ProcessCliTest.run(List.of("sh", "packaging/test-deb.sh", deb().toString()), Map.of());
        String out = r.out() + r.err();
        assertEquals(0, r.rc(), out);
        for (String check : List.of("apt-get install", "groups swsh-admin and swsh", "/usr/bin/swsh in /etc/shells",
                "swshd.service enabled", "systemd-analyze verify", "render without warnings", "'show version' through swshd",
                "no startup-config: no bridge", "swsh-admin members are privileged", "swsh boot --dry-run",
                "completions load", "apt-get remove", "dpkg --purge")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("ok: ") && l.contains(check)), check + ":\n" + out);
        }
        Matcher m = Pattern.compile("(?m)^exposure: ([0-9.]+)$").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Double.parseDouble(m.group(1)) <= 4.0, "systemd-analyze security exposure " + m.group(1));
    }

    @Test
    void manPagesRenderWithoutWarnings() throws Exception {
        for (String page : List.of("man/swsh.1", "man/swshd.8", "man/swsh-commands.7")) {
            ProcessCliTest.Result r = ProcessCliTest.run(List.of("man", "--warnings", "-l", page),
                    Map.of("MANWIDTH", "80", "LC_ALL", "C.UTF-8"));
            assertEquals(0, r.rc(), page + ": " + r.err());
            assertEquals("", r.err(), page);
            assertTrue(r.out().contains("SEE ALSO"), page);
        }
    }

    @Test
    void jarsKeepLicencesAndHoldNoForeignNativeCode() throws Exception {
        for (String jar : List.of("target/swsh.jar", "target/swsh-client.jar")) {
            try (JarFile j = new JarFile(jar)) {
                assertEquals("true", j.getManifest().getMainAttributes().getValue("Multi-Release"), jar);
                assertTrue(j.getEntry("META-INF/COPYRIGHT") != null, jar + ": the libraries' licences");
                List<String> natives = new ArrayList<>();
                j.stream().map(e -> e.getName()).filter(n -> n.matches(".*\\.(so|dll|dylib|jnilib|a)")).forEach(natives::add);
                for (String n : natives) {
                    assertTrue(n.matches("com/sun/jna/linux-(x86-64|aarch64)/.*|org/jline/nativ/Linux/(x86_64|arm64)/.*"), jar + ": " + n);
                }
                assertFalse(j.stream().anyMatch(e -> e.getName().startsWith("org/jline/terminal/impl/ffm/")), jar + ": Java 22 classes");
            }
        }
        try (JarFile j = new JarFile("target/swsh.jar")) {
            String licence = new String(j.getInputStream(j.getEntry("META-INF/LICENSE")).readAllBytes());
            assertTrue(licence.contains("Apache License") && licence.contains("Java Native Access (JNA) is licensed"),
                    "the libraries' LICENSE files, appended (Jackson's, JNA's)");
            assertTrue(j.getEntry("META-INF/LICENSE.md") != null, "Bouncy Castle's");
            assertTrue(j.getEntry("META-INF/LGPL2.1") != null && j.getEntry("META-INF/AL2.0") != null, "JNA's licences");
        }
    }
}

package swsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import swsh.core.ConfigStore;

/** Atomic config writes under kill -9, and the swsh process in script mode. */
class FilesAndProcessTest {
    /** Child process: rewrites the file forever with self-checking content. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        for (int v = 1; ; v++) ConfigStore.writeAtomically(target, content(v));
    }

    static String content(int v) {
        return ("version " + v + "\n") + ("line of version " + v + "\n").repeat(20000) + "end " + v + "\n";
    }

    static Process java(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).start();
    }

    @Test
    void aWriteKilledHalfWayLeavesTheOldOrTheNewFileNeverAPartialOne() throws Exception {
        Path dir = swsh.TempDirs.make("swsh-atomic");
        Path target = dir.resolve("startup-config");
        Files.writeString(target, content(0));
        Random rnd = new Random(7);
        for (int round = 0; round < 8; round++) {
            Process p = java(List.of(FilesAndProcessTest.class.getName(), target.toString()));
            Thread.sleep(300 + rnd.nextInt(400));
            p.destroyForcibly().waitFor();
            String text = Files.readString(target, StandardCharsets.UTF_8);
            int v = Integer.parseInt(text.substring(8, text.indexOf('\n')));
            assertEquals(content(v), text, "round " + round + " left a partial file");
        }
    }

    @Test
    void withoutSwshdTheShellSaysSoInOneLine() throws Exception {
        Path dir = swsh.TempDirs.make("swsh-nod");
        Process p = java(List.of("swsh.Main", "--run-dir", dir.toString(), "-c", "show vlan brief"));
        String err = new String(p.getErrorStream().readAllBytes());
        assertEquals(1, p.waitFor());
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("% swshd is not running"), err);
        assertTrue(err.contains("--local"), err);
    }

    @Test
    void scriptModeExitStatusAndLineErrors() throws Exception {
        Path dir = swsh.TempDirs.make("swsh-proc");
        List<String> base = List.of("swsh.Main", "--dry-run", "--config-dir", dir.resolve("etc").toString(),
                "--run-dir", dir.resolve("run").toString(), "--bridge", "swtest0");
        List<String> bad = new ArrayList<>(base);
        bad.addAll(List.of("-c", "conf t", "-c", "vlan 10\nname users", "-c", "vlan 99999", "-c", "do show vlan brief"));
        Process p = java(bad);
        String out = new String(p.getInputStream().readAllBytes()), err = new String(p.getErrorStream().readAllBytes());
        assertEquals(1, p.waitFor());
        assertTrue(err.startsWith("line 4: vlan 99999\n"), err);
        assertTrue(out.contains("10   users"), out);
        assertTrue(out.contains("bridge vlan") || out.contains("ip link add name swtest0"), "dry run prints the batch: " + out);
        assertTrue(Files.readString(dir.resolve("run/running-config")).contains("vlan 10\n name users\n"));

        List<String> good = new ArrayList<>(base);
        good.addAll(List.of("-c", "show vlan brief | include users"));
        Process q = java(good);
        String qout = new String(q.getInputStream().readAllBytes());
        assertEquals(0, q.waitFor());
        assertEquals("10   users                            active\n", qout, "a second process sees the running-config");
    }
}

package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Boots user-mode Linux and runs the real-kernel suite ({@link KernelSuiteMain}) inside it: two
 * kernels at once, one per half of the suite ({@link KernelSuiteMain#GROUPS}), as the machine has
 * two cores and each user-mode kernel runs on one. The tests that add login users and run sshd
 * share one kernel (users live in the host's /etc/passwd, which both kernels mount). There is no
 * skip: without user-mode-linux this test fails, saying what to install.
 */
class RealKernelSuiteTest {
    @Test
    void scenariosPassOnARealKernel() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = System.nanoTime();
        List<Process> runs = new ArrayList<>();
        List<Path> works = new ArrayList<>();
        for (String group : KernelSuiteMain.GROUPS.keySet()) {
            Path work = Path.of("target", "uml-" + group);
            Files.createDirectories(work);
            works.add(work);
            ProcessBuilder pb = new ProcessBuilder(List.of("sh", "src/main/resources/swsh/lab/uml-run.sh", work.toString(), java,
                    "-Xmx512m", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), KernelSuiteMain.class.getName(),
                    "--group=" + group));
            pb.inheritIO();
            runs.add(pb.start());
        }
        StringBuilder failed = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            int status = runs.get(i).waitFor();
            Path out = works.get(i).resolve("output");
            String text = Files.exists(out) ? Files.readString(out) : "(no output)";
            System.out.println(text);
            if (status != 0) failed.append(works.get(i)).append(": exit ").append(status).append('\n').append(text);
        }
        System.out.printf("real-kernel suite wall time (boot included): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals("", failed.toString(), "real-kernel scenarios failed or could not run");
    }
}

package swsh.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Boots user-mode Linux once and runs {@link KernelScenariosTest} inside it. There is no skip:
 * without user-mode-linux this test fails, saying what to install.
 */
class RealKernelSuiteTest {
    @Test
    void scenariosPassOnARealKernel() throws Exception {
        Path work = Path.of("target", "uml");
        Files.createDirectories(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", "src/main/resources/swsh/lab/uml-run.sh", work.toString(), java, "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), KernelSuiteMain.class.getName()));
        pb.inheritIO();
        long t0 = System.nanoTime();
        int status = pb.start().waitFor();
        Path out = work.resolve("output");
        String text = Files.exists(out) ? Files.readString(out) : "(no output)";
        System.out.println(text);
        System.out.printf("real-kernel suite wall time (boot included): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(0, status, "real-kernel scenarios failed or could not run:\n" + text);
    }
}

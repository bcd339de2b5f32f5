package swsh.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small reads the kernel views share: a process's output, sysfs files. */
final class Io {
    private Io() {}

    /** All of a stream as UTF-8 ("" when it fails). */
    static String slurp(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Each readable file's stripped text by path; the others are left out. */
    static Map<String, String> readFiles(List<String> paths) {
        Map<String, String> m = new TreeMap<>();
        for (String p : paths) {
            try {
                m.put(p, Files.readString(Path.of(p)).strip());
            } catch (IOException | RuntimeException e) {
                // no speed while the link negotiates, or no such file: unknown
            }
        }
        return m;
    }
}

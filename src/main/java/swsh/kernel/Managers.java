package swsh.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether another network manager drives a link: systemd-networkd (its state file
 * {@code /run/systemd/netif/links/IFINDEX} has an {@code ADMIN_STATE} other than {@code unmanaged}) or
 * NetworkManager (its device file {@code /run/NetworkManager/devices/IFINDEX} says {@code managed=true}).
 * Both delete VLANs and addresses they did not make, so swsh warns before it takes such a port. Only
 * links of the initial network namespace have these files.
 */
public final class Managers {
    private Managers() {}

    /** The manager of link {@code ifindex} under {@code run} (normally /run), or null. */
    public static String of(Path run, int ifindex) {
        List<String> networkd = lines(run.resolve("systemd/netif/links").resolve(Integer.toString(ifindex)));
        for (String l : networkd) {
            if (l.startsWith("ADMIN_STATE=") && !l.equals("ADMIN_STATE=unmanaged") && !l.equals("ADMIN_STATE=")) {
                return "systemd-networkd";
            }
        }
        for (String l : lines(run.resolve("NetworkManager/devices").resolve(Integer.toString(ifindex)))) {
            if (l.strip().equals("managed=true")) return "NetworkManager";
        }
        return null;
    }

    private static List<String> lines(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.readAllLines(f) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}

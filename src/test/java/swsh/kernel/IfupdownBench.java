package swsh.kernel;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's ifupdown2 (3.0.0, extracted, not installed, by {@code bench/fetch-ifupdown2.sh} into
 * target/ifupdown2) booting the switch of {@link SpeedBench#config()} from an equivalent interfaces file:
 * what Debian's networking.service runs at boot, {@code ifup -a} (ifreload would diff against saved state,
 * and there is none at boot), in the switch's namespace. Measured: wall time from the start of
 * {@code ip netns exec NS python3 target/ifupdown2/sbin/ifup -a -i FILE} to its exit (the mount set-up
 * before it is not timed). Then checks that it succeeded and that the bridge, its ports and their VLANs are
 * what the config says.
 *
 * <p>Only inside user-mode Linux: its root is the host's file system (hostfs), so nothing is written to
 * /etc, /var or /run/network as such. ifupdown2 runs in a private mount namespace ({@code unshare -m}) with
 * a fresh tmpfs on /run/network (lock file and, by its conf, its state dir: nothing carries over from one
 * run to the next) and, if the host has them, target/ifupdown2/usr/share/ifupdown2/etc/network bound over
 * /etc/network and tmpfs over /var/lib/ifupdown2 and /var/tmp/network. Its conf files are found there
 * (ifupdown2's config.py falls back to that package-relative path when /etc/network/ifupdown2 has none),
 * the interfaces file is given with -i. No /etc/network/if-*.d scripts run (there are none in it).
 *
 * <p>Kernel state against swsh's (SpeedBench.floorIp/floorBridge): the same ports, per-port VLANs, PVIDs,
 * untagged flags, vlan_filtering 1, STP off, all up. The difference: ifupdown2 has no attribute for
 * vlan_default_pvid, so the bridge keeps the kernel's 1, and the bridge device itself carries VLAN 1 PVID
 * untagged (swsh: 0 and no VLAN on the bridge). Ports get VLAN 1 on enslaving, which ifupdown2 then
 * deletes (trunks: {@code bridge-allow-untagged no}, else it keeps VLAN 1 as their native VLAN).
 */
final class IfupdownBench {
    private IfupdownBench() {}

    static final Path ROOT = Path.of("target/ifupdown2").toAbsolutePath();
    /** Where ifupdown2 reads ifupdown2.conf/addons.conf when /etc/network/ifupdown2 has none. */
    static final Path ETC = ROOT.resolve("usr/share/ifupdown2/etc/network");
    static final ObjectMapper JSON = new ObjectMapper();

    static boolean available() {
        return Files.isRegularFile(ROOT.resolve("usr/share/ifupdown2/__main__.py")) && Files.exists(ROOT.resolve("sbin/ifup"));
    }

    /** The interfaces file equivalent to SpeedBench.config(). */
    static String interfaces() {
        StringBuilder b = new StringBuilder("auto swbr0\niface swbr0\n    bridge-vlan-aware yes\n    bridge-ports glob eth1-")
                .append(SpeedBench.PORTS).append("\n    bridge-stp off\n");
        for (int i = 1; i <= SpeedBench.PORTS; i++) {
            b.append("\nauto eth").append(i).append("\niface eth").append(i).append('\n');
            b.append(i <= SpeedBench.ACCESS ? "    bridge-access " + (1 + i) + "\n" : "    bridge-vids 2-101\n    bridge-allow-untagged no\n");
        }
        return b.toString();
    }

    /** Wall time (ms) of ifupdown2's ifup -a booting the switch in namespace ns, which has eth1..48 and no swbr0. */
    static double bootMs(String ns) throws Exception {
        if (System.getenv("SWSH_IN_UML") == null) throw new IllegalStateException("IfupdownBench runs only inside user-mode Linux");
        if (!available()) throw new IllegalStateException("no ifupdown2 in " + ROOT + ": run bench/fetch-ifupdown2.sh");
        Files.createDirectories(ETC.resolve("ifupdown2"));
        Path debian = ROOT.resolve("etc/network/ifupdown2");
        Files.writeString(ETC.resolve("ifupdown2/ifupdown2.conf"), Files.readString(debian.resolve("ifupdown2.conf"))
                .replaceAll("(?m)^state_dir=.*$", "state_dir=/run/network/state/"));
        Files.copy(debian.resolve("addons.conf"), ETC.resolve("ifupdown2/addons.conf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(ETC.resolve("interfaces"), interfaces());
        String script = "set -e\nmkdir -p /run/network\nmount -t tmpfs ifupdown2 /run/network\n"
                + "if [ -d /etc/network ]; then mount --bind '" + ETC + "' /etc/network; fi\n"
                + "for d in /var/lib/ifupdown2 /var/tmp/network; do if [ -d $d ]; then mount -t tmpfs ifupdown2 $d; fi; done\n"
                + "echo ready\nread go\n"
                + "exec ip netns exec '" + ns + "' python3 '" + ROOT.resolve("sbin/ifup") + "' -a -i '" + ETC.resolve("interfaces") + "'\n";
        Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", script).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        if (!"ready".equals(ready)) {
            p.waitFor();
            throw new IllegalStateException("ifupdown2 set-up failed: " + ready + " " + String.join(" ", out.lines().toList()));
        }
        long t0 = System.nanoTime();
        p.getOutputStream().write('\n');
        p.getOutputStream().close();
        List<String> said = out.lines().filter(l -> !l.contains("/sbin/brctl: missing")).toList(); // brctl: only for mcqv4src
        int status = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (status != 0) throw new IllegalStateException("ifup -a failed (exit " + status + "): " + String.join("\n", said));
        if (!said.isEmpty()) System.err.println("ifupdown2 said: " + String.join("\n", said));
        verify(ns);
        return ms;
    }

    /** Throws unless swbr0 in ns, its ports and their VLANs are those of SpeedBench.config(). */
    static void verify(String ns) throws Exception {
        JsonNode br = json("ip", "-n", ns, "-d", "-j", "link", "show", "dev", "swbr0").get(0);
        JsonNode data = br.path("linkinfo").path("info_data");
        if (data.path("vlan_filtering").asInt() != 1 || data.path("stp_state").asInt() != 0 || !flags(br).contains("UP")) {
            throw new IllegalStateException("swbr0 after ifupdown2 is not vlan_filtering 1, stp 0, up: " + br);
        }
        Map<String, String> want = new TreeMap<>(), got = new TreeMap<>();
        for (int i = 1; i <= SpeedBench.PORTS; i++) {
            StringBuilder v = new StringBuilder();
            if (i <= SpeedBench.ACCESS) v.append(1 + i).append(" PVID Egress Untagged;");
            else for (int vid = 2; vid <= 101; vid++) v.append(vid).append(';');
            want.put("eth" + i, v.toString());
        }
        for (JsonNode port : json("ip", "-n", ns, "-j", "link", "show", "master", "swbr0")) {
            if (!flags(port).contains("UP")) throw new IllegalStateException(port.path("ifname").asText() + " is not up after ifupdown2");
            got.put(port.path("ifname").asText(), "");
        }
        if (!got.keySet().equals(want.keySet())) throw new IllegalStateException("ports of swbr0 after ifupdown2: " + got.keySet());
        for (JsonNode port : json("bridge", "-n", ns, "-j", "vlan", "show")) {
            StringBuilder v = new StringBuilder();
            for (JsonNode vlan : port.path("vlans")) {
                int from = vlan.path("vlan").asInt(), to = vlan.has("vlanEnd") ? vlan.path("vlanEnd").asInt() : from;
                List<String> f = new ArrayList<>();
                vlan.path("flags").forEach(x -> f.add(x.asText()));
                for (int vid = from; vid <= to; vid++) v.append(vid).append(f.isEmpty() ? "" : " " + String.join(" ", f)).append(';');
            }
            // the bridge device itself keeps VLAN 1 (ifupdown2 has no vlan_default_pvid setting; swsh's has none)
            if (!port.path("ifname").asText().equals("swbr0")) got.put(port.path("ifname").asText(), v.toString());
        }
        for (var e : want.entrySet()) {
            if (!e.getValue().equals(got.get(e.getKey()))) {
                throw new IllegalStateException("VLANs of " + e.getKey() + " after ifupdown2: " + got.get(e.getKey()) + ", config says " + e.getValue());
            }
        }
    }

    static JsonNode json(String... argv) throws Exception {
        LiveKernel.Result r = LiveKernel.exec(List.of(argv), null);
        if (r.status() != 0) throw new IllegalStateException(String.join(" ", argv) + " failed: " + r.err());
        return JSON.readTree(r.out().isBlank() ? "[]" : r.out());
    }

    static String flags(JsonNode link) {
        return link.path("flags").toString();
    }

    /** Throwaway check (inside user-mode Linux): namespace bench with 48 veth ports, ifupdown2 boots it 3 times. */
}

package swsh.commands.lab;

import static swsh.commands.Modes.EXECS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import swsh.commands.CommandException;
import swsh.commands.Defs;
import swsh.commands.Types;
import swsh.grammar.Arg;
import swsh.grammar.ParamType;

/**
 * Commands that exist only in {@code swsh lab}: trying traffic between the lab's hosts from
 * the switch's own session (the lab may run inside user-mode Linux, where no second terminal
 * can reach its namespaces).
 */
public final class LabCommands {
    private LabCommands() {}

    private static final Arg<String> HOST = Arg.of("host", ParamType.of("WORD", null, "h[0-9]{1,2}", h -> h));
    private static final Arg<String> ADDR = Arg.of("addr", Types.IPV4);
    private static final Arg<Integer> COUNT = Arg.of("count", ParamType.range(1, 20));

    public static void define(Defs d) {
        d.cmd(EXECS, "lab ping $host $addr [repeat $count]", "Virtual lab: the hosts cabled to this switch",
                "Send echo messages from a lab host", "Lab host, e.g. h1 (address 10.0.0.1)", "Destination address",
                "Specify repeat count", "Number of echo messages (1-20)").bind(HOST, ADDR, COUNT)
                .run((x, a) -> {
                    int n = a.opt(COUNT) == null ? 3 : a.get(COUNT);
                    List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", a.get(HOST), "ping", "-n", "-c",
                            Integer.toString(n), "-i", "0.2", "-W", "1", "--", a.get(ADDR)));
                    x.print(run(argv, a.get(HOST)));
                });
    }

    private static String run(List<String> argv, String host) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new CommandException("% ping from " + host + " did not finish");
            }
            if (out.contains("Cannot open network namespace")) throw new CommandException("% No lab host " + host);
            return out;
        } catch (IOException e) {
            throw new CommandException("% Cannot run ping: " + swsh.core.IoErrors.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("% ping interrupted");
        }
    }
}

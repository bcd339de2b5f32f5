package swsh.shell;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.Types;
import swsh.kernel.State;

/** Parameter values offered by TAB and {@code ?}: kernel interfaces and defined VLAN ids. */
final class Values {
    private Values() {}

    static List<String> of(Session s, String src) {
        List<String> out = new ArrayList<>();
        switch (src) {
            case Types.SOURCE_VLANS -> s.config().vlans().keySet().forEach(v -> out.add(Integer.toString(v)));
            case Types.SOURCE_INTERFACES -> {
                String br = s.engine().kernel.bridge();
                for (State.Link l : s.engine().kernel.read().links().values()) {
                    String n = l.name();
                    if (n.equals("lo") || n.equals(br) || n.startsWith(br + ".")) continue;
                    out.add(n);
                }
                out.sort(swsh.model.Config.IFACE_ORDER);
            }
            default -> { }
        }
        return out;
    }
}

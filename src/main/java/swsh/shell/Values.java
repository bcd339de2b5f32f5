package swsh.shell;

import java.util.ArrayList;
import java.util.List;

import swsh.commands.Types;
import swsh.kernel.KernelException;
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
                State st;
                try {
                    st = s.engine().kernel.read();
                } catch (KernelException e) {
                    return out; // TAB offers no names rather than failing the line being typed
                }
                for (State.Link l : st.links().values()) {
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

package swsh.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import swsh.kernel.State;
import swsh.model.Channel;
import swsh.model.Iface;

/**
 * Interface names as users type them: SVI spellings, existence in the kernel, ranges, and the
 * IOS name {@code EthernetN} (or any abbreviation of Ethernet: {@code Eth2}, {@code Et2},
 * {@code e2}, any case) for the kernel port {@code ethN}, which automation normalises names to.
 * A name that is an interface itself always means that interface; the alias applies only when
 * it is not and {@code ethN} is one. Everything prints the kernel's name.
 */
public final class Interfaces {
    private Interfaces() {}

    private static final Pattern SVI = Pattern.compile("(?i)vlan0*([0-9]{1,4})");
    /** {@code po1}, {@code Port-channel1}, {@code port-chan1}: any abbreviation of Port-channel from {@code po}, any case. */
    private static final Pattern PORT_CHANNEL = Pattern.compile("(?i)po(?:r(?:t(?:-(?:c(?:h(?:a(?:n(?:n(?:e(?:l)?)?)?)?)?)?)?)?)?)?([0-9]{1,9})");

    /** {@code vlan10} or {@code Vlan10} is the SVI of VLAN 10; other names are kernel interfaces. */
    public static String canonical(String name) {
        Matcher m = SVI.matcher(name);
        if (m.matches()) {
            int id = Integer.parseInt(m.group(1));
            if (id < 1 || id > 4094) throw new IllegalArgumentException("Invalid input: VLAN interface number must be 1-4094");
            return "Vlan" + id;
        }
        if (Iface.isSvi(name)) throw new IllegalArgumentException("Invalid input: VLAN interface number must be 1-4094");
        Matcher p = PORT_CHANNEL.matcher(name);
        if (p.matches()) {
            long n = Long.parseLong(p.group(1));
            if (n < 1 || n > Channel.MAX_GROUP) {
                throw new IllegalArgumentException("Invalid input: Port-channel number must be 1-" + Channel.MAX_GROUP);
            }
            return Channel.name((int) n);
        }
        return name;
    }

    private static final Pattern ETHERNET = Pattern.compile("(?i)e(?:t(?:h(?:e(?:r(?:n(?:e(?:t)?)?)?)?)?)?)?([0-9]{1,9})");

    /** The interface {@code name} means: itself when it is one, else {@code ethN} for an Ethernet spelling of it (null: null). */
    public static String resolve(Context x, String name) {
        return resolve(x, name, x.engine().kernel::read);
    }

    private static String resolve(Context x, String name, Supplier<State> kernel) {
        if (name == null) return null;
        Matcher m = ETHERNET.matcher(name);
        if (!m.matches() || x.config().ifaces().containsKey(name)) return name;
        String eth = "eth" + m.group(1);
        if (eth.equals(name)) return name;
        State st = kernel.get();
        if (st.link(name) != null) return name;
        return x.config().ifaces().containsKey(eth) || st.link(eth) != null ? eth : name;
    }

    /** Checks that a kernel interface exists and may become a switchport (SVIs always may); its kernel name. */
    public static String existing(Context x, String name, int col) {
        return existing(x, name, col, x.engine().kernel::read);
    }

    private static String existing(Context x, String name, int col, Supplier<State> kernel) {
        if (Iface.isSvi(name) || Channel.isPortChannel(name)) return name; // made by entering it, as IOS does
        name = resolve(x, name, kernel);
        String bridge = x.engine().kernel.bridge();
        if (name.equals(bridge) || name.startsWith(bridge + ".") || name.equals("lo")) {
            throw new CommandException("% Invalid input: interface " + name + " is the switch's own and cannot be configured", col);
        }
        if (!x.config().ifaces().containsKey(name) && kernel.get().link(name) == null) {
            throw new CommandException("% Invalid input: interface " + name + " not found", col);
        }
        return name;
    }

    private static final Pattern RANGE_PART = Pattern.compile("\\s*([A-Za-z0-9_.@:+-]*?)(\\d{1,9})\\s*(?:-\\s*(\\d{1,9}))?\\s*");
    /** {@code Ethernet 1 - 2}: an interface type and its number apart, as IOS takes them in ranges. */
    private static final Pattern TYPE_APART = Pattern.compile("\\s*([A-Za-z]+)\\s+(\\d.*)");

    /** {@code eth1 - 4, eth7} to the interface names, each checked (the kernel is read at most once). */
    public static List<String> range(Context x, String text, int col) {
        State[] read = {null};
        Supplier<State> once = () -> read[0] != null ? read[0] : (read[0] = x.engine().kernel.read());
        List<String> out = new ArrayList<>();
        int offset = 0;
        for (String part : text.split(",", -1)) {
            Matcher apart = TYPE_APART.matcher(part);
            Matcher m = RANGE_PART.matcher(apart.matches() && ETHERNET.matcher(apart.group(1) + "1").matches()
                    ? apart.group(1) + apart.group(2) : part);
            if (!m.matches()) throw new CommandException("% Invalid input detected at '^' marker.", col + offset);
            int lo = Integer.parseInt(m.group(2));
            int hi = m.group(3) == null ? lo : Integer.parseInt(m.group(3));
            if (hi < lo || hi - lo > 4094) throw new CommandException("% Invalid input detected at '^' marker.", col + offset);
            for (int i = lo; i <= hi; i++) {
                String name;
                try {
                    name = canonical(m.group(1) + i);
                } catch (IllegalArgumentException e) {
                    throw new CommandException("% " + e.getMessage(), col + offset);
                }
                out.add(existing(x, name, col + offset, once));
            }
            offset += part.length() + 1;
        }
        return out;
    }
}

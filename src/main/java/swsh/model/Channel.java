package swsh.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member port's {@code channel-group N mode active|passive|on} (issue 11). The channel itself is the
 * interface block {@code Port-channelN} (its switchport settings); its kernel device is a bond of that
 * very name. Here also the names and the config edits of channels.
 */
public record Channel(int group, Mode mode) {
    public enum Mode {
        ACTIVE, PASSIVE, ON;

        /** LACP (active or passive) rather than a static channel. */
        public boolean lacp() {
            return this != ON;
        }
    }

    /** The highest channel number: {@code Port-channel128} is the longest name a Linux device may have (15 characters). */
    public static final int MAX_GROUP = 128;

    private static final String PREFIX = "Port-channel";
    private static final Pattern NAME = Pattern.compile("Port-channel([1-9][0-9]{0,2})");

    /** The interface (and kernel bond) name of channel {@code n}. */
    public static String name(int n) {
        return PREFIX + n;
    }

    /** Whether {@code name} is a channel's interface ({@code Port-channelN}, as canonical names are spelled). */
    public static boolean isPortChannel(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() && Integer.parseInt(m.group(1)) <= MAX_GROUP;
    }

    /** The channel number of a {@code Port-channelN} name. */
    public static int number(String name) {
        return Integer.parseInt(name.substring(PREFIX.length()));
    }

    /** The name a Catalyst prints in its tables: {@code Po1} for {@code Port-channel1}, other names as they are. */
    public static String shortName(String name) {
        return isPortChannel(name) ? "Po" + number(name) : name;
    }

    /** The member ports of channel {@code n}, in interface order. */
    public static List<Iface> members(Config c, int n) {
        List<Iface> out = new ArrayList<>();
        for (Iface i : c.ifaces().values()) if (i.channel() != null && i.channel().group() == n) out.add(i);
        return out;
    }

    /** Whether {@code name} is a member of a channel in {@code c}. */
    public static boolean isMember(Config c, String name) {
        Iface i = c.ifaces().get(name);
        return i != null && i.channel() != null;
    }

    /**
     * {@code no interface NAME}: for a channel, as IOS does, its members leave it too (their
     * {@code channel-group} lines go and they keep its switchport settings); for anything else just the block.
     */
    public static Config without(Config c, String name) {
        if (!isPortChannel(name)) return c.withoutIface(name);
        Config out = c.withoutIface(name);
        Iface po = c.ifaces().get(name);
        for (Iface m : members(c, number(name))) out = out.withIface((po == null ? m : switchport(po, m)).withChannel(null));
        return out;
    }

    /** {@code to} with the switchport settings (mode, VLANs, protected) of {@code from}. */
    public static Iface switchport(Iface from, Iface to) {
        return to.withSwitchport(true).withMode(from.mode()).withAccessVlan(from.accessVlan()).withAllowed(from.allowed())
                .withNativeVlan(from.nativeVlan()).withIsolated(from.isolated());
    }
}

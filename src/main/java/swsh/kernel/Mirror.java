package swsh.kernel;

/**
 * One tc filter of swsh's port mirroring (SPAN), on the {@code clsact} (or {@code ingress}) qdisc of
 * {@code dev}: on its ingress ({@code egress} false) or egress hook, at preference {@code pref} with
 * {@code handle}; a {@code flower} filter on 802.1Q VLAN {@code vlan} (protocol 802.1Q), or on frames
 * without a tag ({@code untagged}: {@code flower num_of_vlans 0}, protocol all: a trunk's native VLAN), else
 * {@code matchall} of every frame; its action {@code mirred egress mirror dev TO}, or {@code drop} when {@code to} is null (a SPAN
 * destination takes no traffic in).
 *
 * <p>swsh knows its own filters by three marks together: a preference from {@link #BASE_PREF} to
 * {@code BASE_PREF + 132} (the destination's drop at {@code BASE_PREF}, session N's filters at
 * {@code BASE_PREF + N}, its untagged ones at {@code BASE_PREF + 66 + N}: tc keeps one protocol per preference), the kind ({@code matchall} or {@code flower}), and the cookie {@link #COOKIE}
 * ({@code swsh} in hex) on every action. A filter without all three is someone else's and is never
 * touched.
 */
public record Mirror(String dev, boolean egress, int pref, int handle, Integer vlan, boolean untagged, String to) {
    /** 0xC000: far above the preferences tc gives filters added without one (49152 counts down from there). */
    public static final int BASE_PREF = 0xC000;
    public static final int MAX_SESSION = 66;
    /** The action cookie of swsh's filters: "swsh" in ASCII. */
    public static final String COOKIE = "73777368";

    /** The preference of session {@code id}'s filters. */
    public static int pref(int session) {
        return BASE_PREF + session;
    }

    /** The preference of session {@code id}'s filters of untagged frames. */
    public static int untaggedPref(int session) {
        return BASE_PREF + MAX_SESSION + session;
    }

    /** The handle of a filter of untagged frames (above every VLAN id). */
    public static final int UNTAGGED_HANDLE = 4095;

    /** Whether a preference is in swsh's range. */
    public static boolean ourPref(int pref) {
        return pref >= BASE_PREF && pref <= BASE_PREF + 2 * MAX_SESSION;
    }

    /** A {@code matchall} filter of every frame. */
    public static Mirror all(String dev, boolean egress, int pref, String to) {
        return new Mirror(dev, egress, pref, 1, null, false, to);
    }

    /** Whether the filter is a {@code flower} one (a VLAN's or untagged frames'). */
    public boolean flower() {
        return vlan != null || untagged;
    }

    /** The same filter place (device, hook, preference, handle): what a delete names. */
    public boolean samePlace(Mirror o) {
        return dev.equals(o.dev) && egress == o.egress && pref == o.pref && handle == o.handle;
    }
}

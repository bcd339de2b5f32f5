package swsh.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/** An immutable set of VLAN ids 1-4094, written like IOS writes it: {@code 10,20-30}. */
public final class VlanSet {
    public static final VlanSet NONE = new VlanSet(new BitSet());
    public static final VlanSet ALL;

    static {
        BitSet b = new BitSet();
        b.set(1, 4095);
        ALL = new VlanSet(b);
    }

    private final BitSet bits;

    private VlanSet(BitSet bits) {
        this.bits = bits;
    }

    public static VlanSet of(int... ids) {
        BitSet b = new BitSet();
        for (int id : ids) b.set(id);
        return new VlanSet(b);
    }

    public static VlanSet of(Iterable<Integer> ids) {
        BitSet b = new BitSet();
        for (int id : ids) b.set(id);
        return new VlanSet(b);
    }

    /** Parses {@code 10,20-30}; throws an IOS-style error for ids outside 1-4094 or bad ranges. */
    @JsonCreator
    public static VlanSet parse(String text) {
        BitSet b = new BitSet();
        if (text.isEmpty() || text.equals("none")) return new VlanSet(b);
        for (String part : text.split(",")) {
            String[] ends = part.split("-", -1);
            if (ends.length > 2 || ends[0].isEmpty() || ends[ends.length - 1].isEmpty()) {
                throw new ModelException("Invalid VLAN list: " + text);
            }
            int lo = parseId(ends[0]);
            int hi = ends.length == 2 ? parseId(ends[1]) : lo;
            if (hi < lo) throw new ModelException("Invalid VLAN range " + part + ": end is below start");
            b.set(lo, hi + 1);
        }
        return new VlanSet(b);
    }

    private static int parseId(String s) {
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ModelException("Invalid VLAN id: " + s);
        }
        if (v < 1 || v > 4094) throw new ModelException("Invalid VLAN list: VLAN " + s + " is out of range 1-4094");
        return (int) v;
    }

    public boolean contains(int id) {
        return bits.get(id);
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    public int size() {
        return bits.cardinality();
    }

    public VlanSet union(VlanSet o) {
        BitSet b = (BitSet) bits.clone();
        b.or(o.bits);
        return new VlanSet(b);
    }

    public VlanSet minus(VlanSet o) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(o.bits);
        return new VlanSet(b);
    }

    public VlanSet intersect(VlanSet o) {
        BitSet b = (BitSet) bits.clone();
        b.and(o.bits);
        return new VlanSet(b);
    }

    public List<Integer> ids() {
        List<Integer> out = new ArrayList<>();
        bits.stream().forEach(out::add);
        return out;
    }

    /** Runs of consecutive ids, each as {lo, hi}. */
    public List<int[]> ranges() {
        List<int[]> out = new ArrayList<>();
        int i = bits.nextSetBit(0);
        while (i >= 0) {
            int end = bits.nextClearBit(i) - 1;
            out.add(new int[] {i, end});
            i = bits.nextSetBit(end + 1);
        }
        return out;
    }

    @JsonValue
    @Override
    public String toString() {
        if (bits.isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        for (int[] r : ranges()) {
            if (sb.length() > 0) sb.append(',');
            sb.append(r[0]);
            if (r[1] > r[0]) sb.append('-').append(r[1]);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VlanSet v && v.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }
}

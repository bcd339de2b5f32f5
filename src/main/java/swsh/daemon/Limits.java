package swsh.daemon;

import java.util.HashMap;
import java.util.Map;

/**
 * How many connections swshd holds: at most {@code perUser} for each uid ({@code perRoot} for
 * root), and at most {@code total} in all, the last {@code rootReserve} of which only root may
 * take, so that an administrator gets in however many users fill their share.
 */
final class Limits {
    /** A refused connection: which limit it hit and the value of that limit. */
    record Refusal(boolean perUser, int limit) {}

    static final int PER_USER = 16, PER_ROOT = 64, TOTAL = 256, ROOT_RESERVE = 16;

    final int perUser, perRoot, total, rootReserve;
    private final Map<Integer, Integer> byUid = new HashMap<>();
    private int open;

    Limits(int perUser, int perRoot, int total, int rootReserve) {
        if (perUser < 1 || perRoot < 1 || total < 1 || rootReserve < 0 || rootReserve >= total) {
            throw new IllegalArgumentException("bad connection limits");
        }
        this.perUser = perUser;
        this.perRoot = perRoot;
        this.total = total;
        this.rootReserve = rootReserve;
    }

    static Limits defaults() {
        return new Limits(PER_USER, PER_ROOT, TOTAL, ROOT_RESERVE);
    }

    /** Counts a new connection of {@code uid} and returns null, or returns why it is refused (counting nothing). */
    synchronized Refusal admit(int uid) {
        int mine = byUid.getOrDefault(uid, 0);
        int cap = uid == 0 ? perRoot : perUser;
        if (mine >= cap) return new Refusal(true, cap);
        int all = uid == 0 ? total : total - rootReserve;
        if (open >= all) return new Refusal(false, all);
        byUid.put(uid, mine + 1);
        open++;
        return null;
    }

    /** A connection of {@code uid} admitted earlier has ended. */
    synchronized void release(int uid) {
        Integer mine = byUid.get(uid);
        if (mine == null) return;
        if (mine <= 1) byUid.remove(uid);
        else byUid.put(uid, mine - 1);
        open--;
    }

    synchronized int open() {
        return open;
    }

    synchronized int open(int uid) {
        return byUid.getOrDefault(uid, 0);
    }
}

package swsh.shell;

import swsh.model.Config;

/**
 * Safe mode of one session ({@code terminal safe-mode}), as MikroTik has it: if the session's connection
 * ends without a logout, its changes are rolled back to the config of when safe mode began, unless the
 * config changed after the session's own last change (someone else's work is never undone).
 */
final class SafeMode {
    private final Switch sw;
    /** The running config when safe mode began; null when it is off. */
    private Config snapshot;
    /** The engine's change count after this session's last change; -1 before its first. */
    private long mine = -1;

    SafeMode(Switch sw) {
        this.sw = sw;
    }

    /** On (keeping the snapshot of a safe mode already on) or off; returns whether it was on. */
    boolean set(boolean on) {
        boolean was = snapshot != null;
        snapshot = on ? (was ? snapshot : sw.engine.running()) : null;
        if (!on || !was) mine = -1;
        return was;
    }

    /** This session just changed the running config. */
    void changed() {
        if (snapshot != null) mine = sw.engine.changes();
    }

    /** The connection ended without a logout. */
    void dropped(String who) {
        Config back = snapshot;
        if (back == null || mine < 0) return;
        snapshot = null;
        if (sw.engine.changes() != mine) {
            sw.audit.log("%SWSH-4-SAFE_MODE_KEPT: " + who + " dropped in safe mode, but the config changed after its last change;"
                    + " its changes were kept");
            return;
        }
        try {
            sw.engine.replace(back);
            sw.audit.log("%SWSH-5-SAFE_MODE_ROLLBACK: " + who + " dropped in safe mode; its changes were rolled back");
        } catch (RuntimeException e) {
            sw.audit.log("%SWSH-3-SAFE_MODE_FAIL: " + who + " dropped in safe mode; rolling back failed: " + e.getMessage());
        }
    }
}

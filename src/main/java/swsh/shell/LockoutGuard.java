package swsh.shell;

import java.util.List;
import java.util.function.UnaryOperator;

import swsh.client.Cli;
import swsh.core.Lockout;
import swsh.model.Config;

/**
 * The lockout guard at the prompt: a change that would cut the path to the session's remote peer (see
 * {@link Lockout}) asks first, with "no" the default, so a script or an automation client is refused; a
 * yes is logged.
 */
final class LockoutGuard {
    private LockoutGuard() {}

    static void check(Switch sw, User user, Cli.Asker asker, UnaryOperator<Config> edit) {
        String peer = user.from().replace("?", "");
        if (peer.isEmpty()) return;
        Lockout.Path path = Lockout.path(sw.engine.kernel.read(), peer);
        if (path == null) return;
        List<String> why = Lockout.cuts(sw.engine.preview(edit), path, sw.engine.kernel.bridge());
        if (why.isEmpty()) return;
        String who = "session " + user.line() + " (" + user.name() + " from " + peer + ", through " + path.shown() + ")";
        String answer = asker.ask("% This change would cut your " + who + " off: " + String.join("; ", why)
                + ".\nProceed anyway? [no]: ", false).strip().toLowerCase();
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw new CliException("% Change refused: it would cut " + who + " off (" + String.join("; ", why) + ")");
        }
        sw.audit.log("%SWSH-4-LOCKOUT_OVERRIDE: " + user.name() + " made a change that cuts " + who + ": " + String.join("; ", why));
    }
}

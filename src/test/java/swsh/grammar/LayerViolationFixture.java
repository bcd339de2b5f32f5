package swsh.grammar;

/** Test fixture only: a "grammar" class that reaches up into the shell, which the architecture rule must refuse. */
public final class LayerViolationFixture {
    private LayerViolationFixture() {}

    static Object up(swsh.shell.Session s) {
        return s.mode();
    }
}

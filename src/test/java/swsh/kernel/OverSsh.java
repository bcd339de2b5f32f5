package swsh.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Test classes that drive a fresh switch over real SSH: one {@link SshFixture} for the class, on a clean kernel. */
abstract class OverSsh {
    static SshFixture fx;

    @BeforeAll
    static void up() throws Exception {
        Net.reset();
        fx = new SshFixture();
    }

    @AfterAll
    static void down() {
        if (fx != null) fx.close();
        fx = null;
        Net.reset();
    }
}

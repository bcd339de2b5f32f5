package swsh;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;

import swsh.client.Client;

/**
 * The entry point of swsh.jar and of the client's own jar (swsh-client.jar). A shell's command
 * line ({@code -c}, {@code -f}, {@code --run-dir}, stdin or a terminal) runs the lean client,
 * which talks to swshd and loads neither picocli nor the switch; everything else
 * ({@code --local}, {@code --dry-run}, {@code daemon}, {@code --help}, an unknown option...) goes
 * to {@link Main}: from this jar, or, from the client's jar, from swsh.jar beside it (the
 * client's jar names no Class-Path, so that nothing the client does opens the big jar).
 */
public final class Launch {
    private Launch() {}

    public static void main(String[] args) throws Exception {
        int rc = Client.run(args);
        if (rc != Client.NOT_MINE) System.exit(rc);
        Class<?> main = full();
        try {
            main.getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** swsh.Main, where it is. */
    private static Class<?> full() throws Exception {
        ClassLoader here = Launch.class.getClassLoader();
        try {
            return Class.forName("swsh.Main", true, here);
        } catch (ClassNotFoundException e) {
            URL jar = Launch.class.getProtectionDomain().getCodeSource().getLocation();
            ClassLoader all = new URLClassLoader(new URL[] {new URL(jar, "swsh.jar")}, here);
            Thread.currentThread().setContextClassLoader(all);
            return Class.forName("swsh.Main", true, all);
        }
    }
}

package swsh;

import swsh.client.Client;

/**
 * The jar's entry point. A shell's command line ({@code -c}, {@code -f}, {@code --run-dir}, stdin
 * or a terminal) runs the lean client, which talks to swshd and loads neither picocli nor the
 * switch; everything else ({@code --local}, {@code --dry-run}, {@code daemon}, {@code --help}, an
 * unknown option...) goes to {@link Main}.
 */
public final class Launch {
    private Launch() {}

    public static void main(String[] args) {
        int rc = Client.run(args);
        if (rc == Client.NOT_MINE) {
            Main.main(args);
            return;
        }
        System.exit(rc);
    }
}

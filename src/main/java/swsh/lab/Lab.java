package swsh.lab;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code swsh lab}: a virtual switch to try swsh without spare NICs. */
public final class Lab {
    private Lab() {}

    @Command(name = "lab", description = "Build a virtual lab switch and open the shell on it.")
    public static final class Cli implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }
}

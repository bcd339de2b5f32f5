package swsh.model;

import java.util.Set;
import java.util.TreeSet;

/**
 * {@code errdisable recovery cause C} and {@code errdisable recovery interval N} (issue 10):
 * the causes recovered automatically and the seconds after which they are.
 */
public record ErrdisableRecovery(Set<String> causes, int interval) {
    public static final int DEFAULT_INTERVAL = 300;
    public static final ErrdisableRecovery DEFAULT = new ErrdisableRecovery(Set.of(), DEFAULT_INTERVAL);

    public ErrdisableRecovery {
        causes = causes == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(causes));
    }
}

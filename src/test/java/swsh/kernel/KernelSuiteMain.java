package swsh.kernel;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs the real-kernel scenarios (inside user-mode Linux); exit 0 only if all ran and passed. */
public final class KernelSuiteMain {
    private KernelSuiteMain() {}

    /**
     * The suite in two halves of about equal time, each for one user-mode kernel: the tests that add
     * login users and run sshd (they share the host's /etc/passwd and port 2222), and the rest.
     */
    static final Map<String, List<Class<?>>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("ssh", List.of(SshClientsTest.class, AnsibleResourcesTest.class, NetmikoLoadTest.class, HostileClientsTest.class,
                SshSafetyTest.class));
        GROUPS.put("net", List.of(KernelScenariosTest.class, SafetyNetTest.class, SpanningTreeTest.class, LacpTest.class,
                MonitorSessionTest.class, ReachabilityTest.class, PortLinkKernelTest.class, LldpTest.class, IgmpSnoopingTest.class,
                PortProtectionTest.class));
    }

    public static void main(String[] args) {
        // arguments, when given, pick a group (--group=NAME), test classes or Class#method (for a quicker run by hand)
        LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request();
        for (String a : args) {
            if (!a.startsWith("--group=")) continue;
            List<Class<?>> g = GROUPS.get(a.substring(8));
            if (g == null) throw new IllegalArgumentException("no test group " + a.substring(8) + "; groups: " + GROUPS.keySet());
            for (Class<?> c : g) b.selectors(selectClass(c));
        }
        if (args.length == 0) for (List<Class<?>> g : GROUPS.values()) for (Class<?> c : g) b.selectors(selectClass(c));
        for (String a : args) if (!a.startsWith("--group=")) b.selectors(a.contains("#") ? selectMethod(a) : selectClass(a));
        LauncherDiscoveryRequest req = b.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.registerTestExecutionListeners(listener, new org.junit.platform.launcher.TestExecutionListener() {
            @Override
            public void executionFinished(org.junit.platform.launcher.TestIdentifier id,
                                          org.junit.platform.engine.TestExecutionResult r) {
                if (id.isTest()) System.out.println(r.getStatus() + " " + id.getDisplayName());
            }
        });
        long t0 = System.nanoTime();
        launcher.execute(req);
        TestExecutionSummary s = listener.getSummary();
        s.printFailuresTo(new PrintWriter(System.out), 30);
        System.out.printf("kernel scenarios: %d found, %d succeeded, %d failed, %d skipped in %.1f s%n",
                s.getTestsFoundCount(), s.getTestsSucceededCount(), s.getTotalFailureCount(), s.getTestsSkippedCount(),
                (System.nanoTime() - t0) / 1e9);
        boolean ok = s.getTestsFoundCount() > 0 && s.getTotalFailureCount() == 0 && s.getTestsSkippedCount() == 0
                && s.getTestsSucceededCount() == s.getTestsFoundCount();
        System.exit(ok ? 0 : 1);
    }
}

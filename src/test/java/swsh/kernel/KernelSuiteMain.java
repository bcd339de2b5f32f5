package swsh.kernel;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs the real-kernel scenarios (inside user-mode Linux); exit 0 only if all ran and passed. */
public final class KernelSuiteMain {
    private KernelSuiteMain() {}

    public static void main(String[] args) {
        // arguments, when given, pick the test classes or Class#method (for a quicker run by hand)
        LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request();
        if (args.length == 0) b.selectors(selectClass(KernelScenariosTest.class), selectClass(SshClientsTest.class),
                selectClass(AnsibleResourcesTest.class), selectClass(NetmikoLoadTest.class), selectClass(HostileClientsTest.class),
                selectClass(SafetyNetTest.class), selectClass(SshSafetyTest.class), selectClass(SpanningTreeTest.class),
                selectClass(LacpTest.class), selectClass(MonitorSessionTest.class), selectClass(ReachabilityTest.class),
                selectClass(PortLinkKernelTest.class), selectClass(LldpTest.class), selectClass(IgmpSnoopingTest.class),
                selectClass(PortProtectionTest.class));
        for (String a : args) b.selectors(a.contains("#") ? selectMethod(a) : selectClass(a));
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

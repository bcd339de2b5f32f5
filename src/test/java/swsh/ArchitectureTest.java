package swsh;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * Imports run one way: grammar &lt;- model &lt;- kernel &lt;- core &lt;- commands &lt;- shell &lt;- daemon
 * &lt;- the entry points (Main, Launch, lab). A lower layer that reaches up fails this test. The
 * client (swsh.client: the wire format, the remote session, the terminal) stands apart: it imports
 * no other layer, so a shell talking to swshd loads none of them; shell, daemon and the entry
 * points use it.
 */
class ArchitectureTest {
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("client").definedBy("swsh.client..")
            .layer("grammar").definedBy("swsh.grammar..")
            .layer("model").definedBy("swsh.model..")
            .layer("kernel").definedBy("swsh.kernel..")
            .layer("core").definedBy("swsh.core..")
            .layer("commands").definedBy("swsh.commands..")
            .layer("shell").definedBy("swsh.shell..")
            .layer("daemon").definedBy("swsh.daemon..")
            .layer("entry").definedBy("swsh", "swsh.lab..")
            .whereLayer("entry").mayNotBeAccessedByAnyLayer()
            .whereLayer("daemon").mayOnlyBeAccessedByLayers("entry")
            .whereLayer("shell").mayOnlyBeAccessedByLayers("daemon", "entry")
            .whereLayer("commands").mayOnlyBeAccessedByLayers("shell", "daemon", "entry")
            .whereLayer("core").mayOnlyBeAccessedByLayers("commands", "shell", "daemon", "entry")
            .whereLayer("kernel").mayOnlyBeAccessedByLayers("core", "commands", "shell", "daemon", "entry")
            .whereLayer("model").mayOnlyBeAccessedByLayers("kernel", "core", "commands", "shell", "daemon", "entry")
            .whereLayer("grammar").mayOnlyBeAccessedByLayers("model", "kernel", "core", "commands", "shell", "daemon", "entry")
            .whereLayer("client").mayOnlyBeAccessedByLayers("shell", "daemon", "entry");

    @Test
    void lowerLayersNeverImportHigherOnes() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("swsh");
        assertTrue(main.size() > 50, "the main classes were found: " + main.size());
        LAYERS.check(main);
    }

    @Test
    void theClientUsesNeitherTheSwitchNorPicocliNorJackson() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("swsh");
        noClasses().that().resideInAPackage("swsh.client..")
                .should().dependOnClassesThat().resideInAnyPackage("swsh", "swsh.grammar..", "swsh.model..", "swsh.kernel..", "swsh.core..",
                        "swsh.commands..", "swsh.shell..", "swsh.daemon..", "swsh.lab..", "picocli..", "com.fasterxml..")
                .check(main);
    }

    @Test
    void theRuleCatchesAGrammarClassThatReachesIntoTheShell() {
        JavaClasses bad = new ClassFileImporter().importClasses(swsh.grammar.LayerViolationFixture.class, swsh.shell.Session.class);
        EvaluationResult r = LAYERS.evaluate(bad);
        assertTrue(r.hasViolation());
        assertFalse(r.getFailureReport().getDetails().isEmpty());
        assertTrue(r.getFailureReport().toString().contains("LayerViolationFixture"), r.getFailureReport().toString());
    }
}

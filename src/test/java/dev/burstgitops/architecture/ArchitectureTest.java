package dev.burstgitops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The package rule of DESIGN.md ("Layout"), held by the compiler's output: each capability may
 * use only the packages listed for it, so an import that crosses the line fails here. Deviations
 * from DESIGN.md's table are listed below with their reason, and in the README's "Where this
 * differs from DESIGN.md".
 */
class ArchitectureTest {

    private static final String BASE = "dev.burstgitops.";
    private static final List<String> PACKAGES = List.of("backoff", "bundled", "cli", "config", "controller",
            "decision", "demo", "gitops", "leader", "manifest", "metrics", "override", "policy", "record", "server",
            "status", "sync", "validate");

    /**
     * What each package may use inside this code base. {@code config} uses {@code decision}'s
     * value types (the rule it reads); {@code metrics} and {@code gitops} read their sections of
     * the configuration, and {@code manifest} its render settings ({@code ClusterRendering}, one
     * place for sync and validate). Issue 14 took four capabilities out of {@code controller}:
     * {@code record} (the decision commit format and its read-back), {@code policy} (a policy's
     * decider and streak, restored from or replayed over Prometheus' history), {@code leader}
     * (leader election) and {@code status} (what operators see: metrics, health, readiness,
     * {@code /status}, Events), which {@code server} serves without knowing the controller; and
     * {@code backoff}, the one retry policy of the loops, Git and the forges, which uses nothing.
     */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("backoff", Set.of()),
            Map.entry("decision", Set.of()),
            Map.entry("config", Set.of("decision")),
            Map.entry("metrics", Set.of("config")),
            Map.entry("manifest", Set.of("config")),
            Map.entry("override", Set.of("decision", "manifest")),
            Map.entry("gitops", Set.of("backoff", "config")),
            Map.entry("sync", Set.of("manifest")),
            Map.entry("record", Set.of("config", "decision", "gitops", "manifest", "override")),
            Map.entry("policy", Set.of("config", "decision", "metrics", "record", "sync")),
            Map.entry("leader", Set.of("config", "sync")),
            Map.entry("status", Set.of("config", "decision", "gitops", "manifest", "sync")),
            Map.entry("server", Set.of("config", "status")),
            Map.entry("bundled", Set.of()),
            Map.entry("validate", Set.of("config", "decision", "manifest", "override")),
            Map.entry("controller", Set.of("backoff", "config", "decision", "gitops", "leader", "manifest", "metrics",
                    "override", "policy", "record", "status", "sync")),
            Map.entry("demo", Set.of("bundled", "config", "controller", "decision", "gitops", "record", "status",
                    "sync")),
            Map.entry("cli", Set.of("bundled", "config", "controller", "decision", "demo", "gitops", "leader",
                    "manifest", "metrics", "override", "policy", "record", "server", "status", "sync", "validate")));

    private static JavaClasses product;

    @BeforeAll
    static void importTheProduct() {
        // The predefined "no tests" option looks for target/test-classes; builds may put it elsewhere (-Dbuild.dir).
        ImportOption productOnly = location -> !location.contains("/test-classes/");
        product = new ClassFileImporter().withImportOption(productOnly).importPackages("dev.burstgitops");
    }

    static List<String> packages() {
        return PACKAGES;
    }

    @ParameterizedTest(name = "{0} uses only what DESIGN.md allows it")
    @MethodSource("packages")
    void eachPackageUsesOnlyThePackagesItMay(String name) {
        usesOnlyWhatItMay(name).check(product);
    }

    @Test
    void theDecisionCoreIsPureJava() {
        decisionIsPure().check(product);
    }

    @Test
    void aForbiddenImportFailsBothRules() {
        JavaClasses impure = new ClassFileImporter().importClasses(
                dev.burstgitops.decision.ImpureDecisionFixture.class);

        assertThatThrownBy(() -> usesOnlyWhatItMay("decision").check(impure)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.burstgitops.sync.SyncMode");
        assertThatThrownBy(() -> decisionIsPure().check(impure)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ImpureDecisionFixture");
    }

    private static ArchRule usesOnlyWhatItMay(String name) {
        Set<String> forbidden = new TreeSet<>(PACKAGES);
        forbidden.remove(name);
        forbidden.removeAll(MAY_USE.get(name));
        return noClasses().that().resideInAPackage(BASE + name + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.stream().map(p -> BASE + p + "..")
                        .toArray(String[]::new))
                .because("DESIGN.md's package table: " + name + " may use " + new TreeSet<>(MAY_USE.get(name)))
                .allowEmptyShould(true);
    }

    private static ArchRule decisionIsPure() {
        return classes().that().resideInAPackage(BASE + "decision..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", BASE + "decision..")
                .because("DESIGN.md: decision imports nothing from gitops, sync, metrics, fabric8 or JGit, and is"
                        + " given the time");
    }

    @Test
    void everyPackageIsInTheTable() {
        Set<String> found = new TreeSet<>();
        product.forEach(type -> {
            String rest = type.getPackageName().substring(BASE.length() - 1);
            found.add(rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0]);
        });
        org.assertj.core.api.Assertions.assertThat(found).isSubsetOf(PACKAGES);
    }
}

package dev.burstgitops.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

    @Test
    void problemsAreSortedByFileThenLineWithWholeFileProblemsFirstAndRepeatsDropped() {
        ValidationReport report = ValidationReport.of(List.of(
                problem("clusters/primary/kustomization.yaml", 7, "b"),
                problem("apps/x.yaml", 12, "a"),
                problem("apps/x.yaml", 2, "a"),
                problem("apps/x.yaml", 0, "a"),
                problem("apps/x.yaml", 12, "a")), 0, 0, 0);

        assertThat(report.problems()).extracting(ValidationProblem::toString).containsExactly(
                "apps/x.yaml: a", "apps/x.yaml:2: a", "apps/x.yaml:12: a", "clusters/primary/kustomization.yaml:7: b");
    }

    @Test
    void theSummaryCountsProblemsAndTheFilesTheyAreIn() {
        ValidationReport report = ValidationReport.of(List.of(problem("a.yaml", 1, "x"), problem("a.yaml", 2, "y"),
                problem("b.yaml", 1, "z")), 2, 14, 1);

        assertThat(report.ok()).isFalse();
        assertThat(report.summary()).isEqualTo("validate: 3 problems in 2 files");
    }

    @Test
    void aCleanSummarySaysWhatWasCheckedInTheSingularWhereItIsOne() {
        assertThat(ValidationReport.of(List.of(), 2, 14, 1).summary())
                .isEqualTo("validate: ok (2 clusters, 14 objects, 1 policy)");
        assertThat(ValidationReport.of(List.of(), 1, 1, 0).summary())
                .isEqualTo("validate: ok (1 cluster, 1 object, 0 policies)");
    }

    @Test
    void warningsArePrintedApartFromProblemsAndNeverCountAsOne() {
        ValidationReport clean = ValidationReport.of(List.of(), List.of(warning("burst-gitops.yaml", 9, "w")), 2, 8, 1);
        ValidationReport failing = ValidationReport.of(List.of(problem("a.yaml", 1, "x")),
                List.of(warning("burst-gitops.yaml", 9, "w"), warning("burst-gitops.yaml", 9, "v")), 2, 8, 1);

        assertThat(clean.ok()).isTrue();
        assertThat(clean.lines()).containsExactly(
                "burst-gitops.yaml:9: warning: w",
                "validate: ok (2 clusters, 8 objects, 1 policy), 1 warning");
        assertThat(failing.ok()).isFalse();
        assertThat(failing.lines()).containsExactly(
                "a.yaml:1: x",
                "burst-gitops.yaml:9: warning: v",
                "burst-gitops.yaml:9: warning: w",
                "validate: 1 problem in 1 file, 2 warnings");
    }

    @Test
    void theSummaryCarriesTheWarningsBeforeTheCountLineSoThatTheCommandPrintsThem() {
        ValidationReport report = ValidationReport.of(List.of(problem("a.yaml", 1, "x")),
                List.of(warning("burst-gitops.yaml", 9, "w")), 2, 8, 1);

        assertThat(report.summary()).isEqualTo("burst-gitops.yaml:9: warning: w\nvalidate: 1 problem in 1 file, 1 warning");
    }

    @Test
    void aProblemFormattedElsewhereIsReadBackIntoItsFileLineAndMessage() {
        assertThat(ValidationProblem.parse("burst-gitops.yaml:23: policies[0].exitBelow: must be below", "burst-gitops.yaml"))
                .isEqualTo(problem("burst-gitops.yaml", 23, "policies[0].exitBelow: must be below"));
        assertThat(ValidationProblem.parse("overrides/w.yaml: reason is required", "overrides/w.yaml"))
                .isEqualTo(problem("overrides/w.yaml", 0, "reason is required"));
        assertThat(ValidationProblem.parse("something else entirely", "overrides/w.yaml"))
                .isEqualTo(problem("overrides/w.yaml", 0, "something else entirely"));
    }

    private static ValidationProblem problem(String file, int line, String message) {
        return new ValidationProblem(new SourceLocation(file, line), message);
    }

    private static ValidationWarning warning(String file, int line, String message) {
        return new ValidationWarning(new SourceLocation(file, line), message);
    }
}

package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ObjectKey;
import dev.burstgitops.manifest.SourceLocation;
import dev.burstgitops.sync.ObjectOutcome.Configured;
import dev.burstgitops.sync.ObjectOutcome.Created;
import dev.burstgitops.sync.ObjectOutcome.Failed;
import dev.burstgitops.sync.ObjectOutcome.Pruned;
import dev.burstgitops.sync.ObjectOutcome.Unchanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncReportTest {

    static final SourceLocation AT = new SourceLocation("clusters/primary/app.yaml", 7);

    @Test
    void summarisesAPassInOneLineWithTheShortRevision() {
        List<ObjectOutcome> outcomes = new ArrayList<>();
        outcomes.add(new Created(key("a"), AT));
        outcomes.add(new Created(key("b"), AT));
        outcomes.add(Configured.ofPaths(key("c"), AT, List.of("spec.replicas")));
        for (int i = 0; i < 40; i++) {
            outcomes.add(new Unchanged(key("u" + i), AT));
        }

        SyncReport report = new SyncReport("primary", SyncMode.APPLY, "3f2a1c9e5d", outcomes, List.of(), List.of(),
                Duration.ofMillis(140));

        assertThat(report.summary())
                .isEqualTo("sync primary @3f2a1c9: 2 created, 1 configured, 40 unchanged, 0 pruned, 0 failed in 140 ms");
        assertThat(report.driftDetected()).isTrue();
    }

    @Test
    void listsThePlanOneObjectPerLine() {
        SyncReport report = new SyncReport("burst", SyncMode.DRY_RUN, "", List.of(
                Configured.ofPaths(key("worker"), AT, List.of("spec.replicas", "metadata.labels.x")),
                new Pruned(key("old")),
                new Failed(key("bad"), Optional.of(AT), "HTTP 422: invalid")), List.of(), List.of(), Duration.ZERO);

        assertThat(report.planLines()).containsExactly(
                "update    ConfigMap default/worker (clusters/primary/app.yaml:7): spec.replicas, metadata.labels.x",
                "prune     ConfigMap default/old",
                "FAILED    ConfigMap default/bad (clusters/primary/app.yaml:7): HTTP 422: invalid");
        assertThat(report.summary()).startsWith("dry-run burst: 0 created, 1 configured, 0 unchanged, 1 pruned, 1 failed")
                .endsWith("(nothing written)");
    }

    @Test
    void adoptionsCountAsTheirApplyWentAndAreNamedAfterTheUsualCounts() {
        SyncReport report = new SyncReport("primary", SyncMode.DRY_RUN, "", List.of(
                new ObjectOutcome.Adopted(key("routing"), AT, "kubectl", List.of(new FieldChange("data.route", "\"east\"",
                        "\"west\""))),
                new ObjectOutcome.Adopted(key("same"), AT, "helm", List.of()),
                new ObjectOutcome.Released(key("old"))), List.of(), List.of(), Duration.ZERO);

        assertThat(report.configured()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.pruned()).isZero();
        assertThat(report.applied(ApplyReason.TAKEOVER)).isEqualTo(1);
        assertThat(report.summary()).isEqualTo("dry-run primary: 0 created, 1 configured, 1 unchanged, 0 pruned, 0 failed"
                + " in 0 ms (nothing written); 2 adopted, 1 released");
        assertThat(report.planLines()).containsExactly(
                "would adopt ConfigMap default/routing, created by kubectl (clusters/primary/app.yaml:7): data.route",
                "would adopt ConfigMap default/same, created by helm (clusters/primary/app.yaml:7)",
                "would release ConfigMap default/old (adopted; kept)");
    }

    private static ObjectKey key(String name) {
        return new ObjectKey("", "ConfigMap", "default", name);
    }
}

package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.sync.ObjectOutcome.Pruned;
import dev.burstgitops.sync.ObjectOutcome.Retained;
import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync.prune: confirm}: a pass lists what it would delete and deletes it only when the head
 * commit confirms exactly that many deletions.
 */
class PruneConfirmationTest {

    @TempDir
    Path dir;

    KubeFixture primary;
    List<ManifestObject> twoFewer;

    @BeforeEach
    void syncOnce() throws Exception {
        primary = KubeFixture.start("primary", dir);
        List<ManifestObject> desired = KubeManifests.resource("/sync/primary.yaml", ApplyTest.FILE);
        primary.applier().sync(desired, SyncOptions.apply("c1"));
        twoFewer = KubeManifests.without(KubeManifests.without(desired, "Service", "redis-cache-service"),
                "Service", "worker-service");
        primary.forgetRequests();
    }

    @AfterEach
    void stop() throws Exception {
        primary.close();
    }

    @Test
    void withoutTheTrailerNothingIsDeletedAndThePassSaysWhatAwaitsConfirmation() throws Exception {
        SyncReport report = primary.applier().sync(twoFewer, confirming(OptionalInt.empty()));

        assertThat(report.pruned()).isZero();
        assertThat(report.outcomes()).filteredOn(Retained.class::isInstance).extracting(o -> o.key().toString())
                .containsExactlyInAnyOrder("Service default/redis-cache-service", "Service default/worker-service");
        assertThat(report.outcomes()).filteredOn(Retained.class::isInstance).extracting(o -> ((Retained) o).reason())
                .containsOnly("prune awaiting confirmation (Prune-Confirmed: 2)");
        assertThat(report.warnings()).singleElement().asString()
                .startsWith("prune awaiting confirmation: 2 objects: Service default/")
                .endsWith("nothing is deleted until the head commit carries the trailer 'Prune-Confirmed: 2'");
        assertThat(deletes()).isEmpty();
        assertThat(inventory()).contains("redis-cache-service").contains("worker-service");
    }

    @Test
    void aWrongCountDeletesNothingAndTheWarningSaysTheNumberExpected() throws Exception {
        SyncReport report = primary.applier().sync(twoFewer, confirming(OptionalInt.of(1)));

        assertThat(report.pruned()).isZero();
        assertThat(report.warnings()).singleElement().asString()
                .endsWith("the head commit's 'Prune-Confirmed: 1' does not match, nothing is deleted;"
                        + " expected 'Prune-Confirmed: 2'");
        assertThat(deletes()).isEmpty();
    }

    @Test
    void theRightCountDeletes() throws Exception {
        SyncReport report = primary.applier().sync(twoFewer, confirming(OptionalInt.of(2)));

        assertThat(report.outcomes()).filteredOn(Pruned.class::isInstance).extracting(o -> o.key().toString())
                .containsExactlyInAnyOrder("Service default/redis-cache-service", "Service default/worker-service");
        assertThat(report.warnings()).isEmpty();
        assertThat(deletes()).containsExactlyInAnyOrder("/api/v1/namespaces/default/services/redis-cache-service",
                "/api/v1/namespaces/default/services/worker-service");
        assertThat(inventory()).doesNotContain("redis-cache-service");
    }

    @Test
    void aDryRunInConfirmModeShowsTheCountToConfirm() throws Exception {
        SyncReport plan = primary.applier().sync(twoFewer, confirming(OptionalInt.empty()).withMode(SyncMode.DRY_RUN));

        assertThat(plan.warnings()).singleElement().asString().startsWith("prune awaiting confirmation: 2 objects");
        assertThat(plan.planLines()).contains("keep      Service default/worker-service: prune awaiting confirmation"
                + " (Prune-Confirmed: 2)");
        assertThat(primary.writes()).isEmpty();
    }

    private static SyncOptions confirming(OptionalInt confirmed) {
        return SyncOptions.apply("c2").withPruneConfirmation(PruneConfirmation.required(confirmed));
    }

    private List<String> deletes() {
        // The inventory's own parts are replaced as it changes; the objects' deletes are what prune did.
        return primary.writes().stream().filter(request -> request.method().equals("DELETE"))
                .map(ApiRequest::path).filter(path -> !path.contains("/configmaps/burst-gitops-inventory-")).toList();
    }

    private String inventory() {
        return primary.inventoryYaml("primary");
    }
}

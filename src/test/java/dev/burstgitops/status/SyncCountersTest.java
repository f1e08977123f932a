package dev.burstgitops.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ObjectKey;
import dev.burstgitops.manifest.SourceLocation;
import dev.burstgitops.sync.ApplyReason;
import dev.burstgitops.sync.FieldChange;
import dev.burstgitops.sync.ObjectOutcome;
import dev.burstgitops.sync.ObjectOutcome.Configured;
import dev.burstgitops.sync.ObjectOutcome.Created;
import dev.burstgitops.sync.SyncMode;
import dev.burstgitops.sync.SyncReport;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deploy from Git is not drift: the counters say why each object was written. */
class SyncCountersTest {

    static final SourceLocation AT = new SourceLocation("clusters/primary/app.yaml", 1);

    @Test
    void onlyAnObjectSomeoneElseChangedCountsAsADriftCorrection() throws IOException {
        Observability observability = new Observability(Clock.systemUTC());
        observability.metrics().declareCluster("primary");
        observability.health().register("sync/primary", Duration.ofMinutes(3));
        observability.readiness().require(Observability.FIRST_SYNC_PASS);
        List<ObjectOutcome> outcomes = List.of(
                new Created(key("new"), AT, ApplyReason.GIT),
                new Configured(key("weights"), AT, List.of(new FieldChange("data.w", "1", "2")), ApplyReason.GIT),
                new Configured(key("edited"), AT, List.of(new FieldChange("data.w", "9", "2")), ApplyReason.DRIFT),
                new Configured(key("adopted"), AT, List.of(new FieldChange("metadata.labels.x", null, "y")),
                        ApplyReason.TAKEOVER));

        observability.recordClusterPass(new ClusterPassResult.Synced(new SyncReport("primary", SyncMode.APPLY, "c1",
                outcomes, List.of(), List.of(), Duration.ofMillis(10))));

        assertThat(scrape(observability)).contains(
                "burst_gitops_applies_total{cluster=\"primary\",reason=\"git\"} 2.0",
                "burst_gitops_applies_total{cluster=\"primary\",reason=\"drift\"} 1.0",
                "burst_gitops_applies_total{cluster=\"primary\",reason=\"takeover\"} 1.0",
                "burst_gitops_drift_corrections_total{cluster=\"primary\"} 1.0");
    }

    @Test
    void aRefusedClusterAndARebuiltInventoryAreCountedEachUnderItsOwnName() throws IOException {
        Observability observability = new Observability(Clock.systemUTC());
        observability.metrics().declareCluster("primary");
        observability.health().register("sync/primary", Duration.ofMinutes(3));
        observability.readiness().require(Observability.FIRST_SYNC_PASS);

        observability.recordClusterPass(new ClusterPassResult.Refused("primary", "c1", "its inventory belongs to"
                + " another installation"));
        observability.recordClusterPass(new ClusterPassResult.Synced(new SyncReport("primary", SyncMode.APPLY, "c1",
                List.of(), List.of(), List.of(SyncReport.INVENTORY_REBUILT + "rebuilt from 2 objects"),
                Duration.ofMillis(10))));

        assertThat(scrape(observability)).contains(
                "burst_gitops_sync_failures_total{cluster=\"primary\",reason=\"not_ours\"} 1.0",
                "burst_gitops_sync_failures_total{cluster=\"primary\",reason=\"error\"} 0.0",
                "burst_gitops_inventory_rebuilt_total{cluster=\"primary\"} 1.0");
    }

    private static ObjectKey key(String name) {
        return new ObjectKey("", "ConfigMap", "default", name);
    }

    private static String scrape(Observability observability) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, observability.metrics().registry().scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}

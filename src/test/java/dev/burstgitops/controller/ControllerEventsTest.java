package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.gitops.Revisions;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.status.ControllerEvents;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.status.RefusedHead;
import dev.burstgitops.sync.KubernetesClients;
import dev.burstgitops.testing.KubeFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions and failed syncs as Kubernetes Events on the worker VirtualService in a real primary
 * API server, read back with kubectl as a person would ({@code kubectl get events}).
 */
class ControllerEventsTest {

    @TempDir
    Path dir;

    private KubeFixture primary;
    private KubernetesClient client;
    private BurstLoopFixture fixture;
    private ControllerEvents events;

    @BeforeEach
    void setUp() throws Exception {
        primary = KubeFixture.start("primary", dir);
        primary.kubectl().run("apply", "--server-side", "-f", Path.of(BurstLoopFixture.VS_FILE).toAbsolutePath()
                .toString());
        client = KubernetesClients.connect(primary.target());
        fixture = new BurstLoopFixture(dir, "");
        events = new ControllerEvents(fixture.config, client, fixture.workspace.directory(), "replica-a",
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        events.close();
        fixture.close();
        client.close();
        primary.close();
    }

    private String eventsOnTheVirtualService(String jsonpath) {
        return primary.kubectl().run("-n", "default", "get", "events", "--field-selector",
                "involvedObject.kind=VirtualService,involvedObject.name=worker-virtual-service", "-o",
                "jsonpath=" + jsonpath);
    }

    @Test
    void aBurstDecisionIsANormalEventNamingTheCommitOnTheVirtualService() throws Exception {
        fixture.rate.set(20.0);
        PassResult burst = fixture.pass();
        assertThat(burst.commit()).isPresent();

        events.onPass(burst);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(eventsOnTheVirtualService("{.items[*].reason}")).isEqualTo("BurstEntered"));
        assertThat(eventsOnTheVirtualService("{.items[0].type} {.items[0].message}")).isEqualTo(
                "Normal worker: natural -> burst at 20 req/s (> 15 req/s for 0s), commit "
                        + Revisions.shortId(burst.commit().get()));
        assertThat(eventsOnTheVirtualService("{.items[0].involvedObject.uid}")).isEqualTo(primary.kubectl().run(
                "-n", "default", "get", "virtualservice", "worker-virtual-service", "-o", "jsonpath={.metadata.uid}"));
    }

    @Test
    void aSuspensionIsSaidOnceWhileItLastsNotOncePerPass() throws Exception {
        events.onPass(fixture.pass()); // a quiet pass: the working copy now holds the VirtualService's file
        dev.burstgitops.decision.Suspension suspension = new dev.burstgitops.decision.Suspension(
                java.time.Instant.parse("2026-11-26T08:00:00Z"), "migration", "overrides/worker.yaml");
        PassResult suspended = new PassResult("worker", suspension.decision(dev.burstgitops.decision.Mode.NATURAL,
                java.util.OptionalInt.empty(), dev.burstgitops.decision.Observation.rate(20)), java.util.Optional.empty(),
                1, java.util.Optional.of("overrides/worker.yaml"), java.util.Optional.empty());

        events.onPass(suspended);
        events.onPass(suspended);
        events.onPass(suspended);
        events.onClusterPass(new ClusterPassResult.Failed("burst", "3f2a1c9d", "marker: the queue has run"));

        // The marker is written after the three passes were handled: then one Suspended Event, count 1.
        await().atMost(Duration.ofSeconds(10)).until(() -> eventsOnTheVirtualService("{.items[*].reason}")
                .contains("SyncFailed"));
        assertThat(eventsOnTheVirtualService("{range .items[?(@.reason==\"Suspended\")]}{.count}{\"\\n\"}{end}")
                .strip()).isEqualTo("1");
    }

    @Test
    void aRefusedHeadIsAWarningNamingTheHeadAndWhyAndTheEndOfTheRefusalWritesNothing() throws Exception {
        events.onPass(fixture.pass()); // a pass reads where the VirtualService lives
        RefusedHead refused = new RefusedHead("8c1d2e3f4a5b6c7d8e9f00112233445566778899",
                "head 8c1d2e3f4a5b is not signed by an allowed key (it carries no signature)",
                java.time.Instant.parse("2026-11-26T21:00:00Z"));

        events.onRefusedHead(java.util.Optional.of(refused));
        events.onRefusedHead(java.util.Optional.empty());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(eventsOnTheVirtualService("{.items[*].reason}")).isEqualTo("HeadNotVerified"));
        assertThat(eventsOnTheVirtualService("{.items[0].type} {.items[0].message}"))
                .isEqualTo("Warning " + refused.message());
    }

    @Test
    void aRepeatedSyncFailureIsOneWarningWhoseCountGrows() throws Exception {
        events.onPass(fixture.pass()); // a pass reads where the VirtualService lives
        ClusterPassResult failed = new ClusterPassResult.Failed("burst", "3f2a1c9d", "cluster burst unreachable");

        events.onClusterPass(failed);
        events.onClusterPass(failed);
        events.onClusterPass(failed);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(eventsOnTheVirtualService("{.items[*].count}")).isEqualTo("3"));
        assertThat(eventsOnTheVirtualService("{.items[0].type} {.items[0].reason}")).isEqualTo("Warning SyncFailed");
    }
}

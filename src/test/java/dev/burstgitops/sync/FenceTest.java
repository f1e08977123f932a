package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.KubeManifests;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass whose fence falls (the replica lost its lease) writes nothing more, apply or prune. */
class FenceTest {

    @TempDir
    Path dir;

    KubeFixture primary;
    List<ManifestObject> desired;

    @BeforeEach
    void start() {
        primary = KubeFixture.start("primary", dir);
        desired = KubeManifests.resource("/sync/primary.yaml", ApplyTest.FILE);
    }

    @AfterEach
    void stop() {
        primary.close();
    }

    @Test
    void aFenceThatFallsMidPassStopsEveryLaterWrite() {
        // The fence holds for the namespace and the inventory, then falls, as when the lease is lost;
        // it notes how many writes the server had seen by then.
        AtomicInteger checks = new AtomicInteger();
        AtomicInteger writesWhenFallen = new AtomicInteger(-1);
        WriteFence fallsAfterTwoChecks = () -> {
            if (checks.incrementAndGet() <= 2) {
                return true;
            }
            writesWhenFallen.compareAndSet(-1, controllerWrites());
            return false;
        };

        assertThatThrownBy(() -> primary.applier().sync(desired, SyncOptions.apply("c1").withFence(fallsAfterTwoChecks)))
                .isInstanceOf(FencedException.class);

        assertThat(writesWhenFallen.get()).isPositive();
        assertThat(controllerWrites()).isEqualTo(writesWhenFallen.get());
        assertThat(primary.kubectl().run("get", "deployments", "-n", "default", "-o", "name")).isEmpty();
    }

    private int controllerWrites() {
        return (int) primary.writes().stream().filter(ApiRequest::byController).count();
    }

    @Test
    void aFencedPassPrunesNothing() throws Exception {
        primary.applier().sync(desired, SyncOptions.apply("c1"));
        primary.forgetRequests();

        assertThatThrownBy(() -> primary.applier().sync(KubeManifests.without(desired, "Service", "redis-cache-service"),
                SyncOptions.apply("c2").withFence(() -> false))).isInstanceOf(FencedException.class);

        assertThat(primary.writes()).isEmpty();
        assertThat(primary.kubectl().tryRun("get", "service", "redis-cache-service", "-n", "default").succeeded()).isTrue();
    }
}

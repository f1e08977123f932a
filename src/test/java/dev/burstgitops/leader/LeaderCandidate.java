package dev.burstgitops.leader;

import dev.burstgitops.config.LeaderElectionConfig;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.KubernetesClients;
import dev.burstgitops.testing.KubeFixture;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replica in a leader-election test: its own client on the primary cluster, built from a
 * kubeconfig the way production builds it, and a record of its callbacks (how often, and when the
 * last one ran, for "the old leader stopped before the new one started").
 */
public final class LeaderCandidate implements AutoCloseable {

    /** Short durations so a test sees a lease expire: lease 2 s, renew deadline 1.5 s, retry 250 ms. */
    static final LeaderElectionConfig SHORT_LEASE = new LeaderElectionConfig(true, "burst-gitops", "burst-gitops",
            Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(250));

    private final KubernetesClient primary;
    private final LeaderElection election;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger stopped = new AtomicInteger();
    private final AtomicLong lastStartedNanos = new AtomicLong();
    private final AtomicLong lastStoppedNanos = new AtomicLong();

    private LeaderCandidate(KubernetesClient primary, LeaderElection election) {
        this.primary = primary;
        this.election = election;
    }

    /** A candidate named {@code identity} on the cluster of {@code kubeconfig} (context {@code context}). */
    static LeaderCandidate on(Path kubeconfig, String context, String identity, LeaderElectionConfig config) {
        try {
            KubernetesClient primary = KubernetesClients.connect(
                    ClusterTarget.of(context, kubeconfig.toString(), context, config.namespace()));
            return new LeaderCandidate(primary, new LeaderElection(primary, config, identity));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code kubeconfig} whose API server is reached through {@code relay}. */
    public static Path kubeconfigThrough(LeaderNetworkCut relay, Path kubeconfig, String apiServerUrl, Path copy) {
        try {
            return Files.writeString(copy, Files.readString(kubeconfig).replace(apiServerUrl, relay.url().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a namespace as an administrator does once (apps/burst-gitops/namespace.yaml). */
    public static void createNamespace(KubeFixture cluster, String name) {
        try (KubernetesClient admin = KubernetesClients.connect(cluster.target())) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                    .create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LeaderCandidate campaign() {
        election.start(() -> {
            lastStartedNanos.set(System.nanoTime());
            started.incrementAndGet();
        }, () -> {
            lastStoppedNanos.set(System.nanoTime());
            stopped.incrementAndGet();
        });
        return this;
    }

    boolean leads() {
        return election.isLeader();
    }

    String identity() {
        return election.identity();
    }

    int timesStarted() {
        return started.get();
    }

    int timesStopped() {
        return stopped.get();
    }

    long lastStartedNanos() {
        return lastStartedNanos.get();
    }

    long lastStoppedNanos() {
        return lastStoppedNanos.get();
    }

    LeaderElection election() {
        return election;
    }

    @Override
    public void close() {
        election.close();
        primary.close();
    }
}

package dev.burstgitops.testing;

import dev.burstgitops.demo.InMemoryCluster;
import dev.burstgitops.demo.InMemoryRequest;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.Fabric8ClusterApplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One in-memory cluster for a test, with its kubeconfig, a {@link Kubectl} on it, and an applier
 * built the way production builds one: from the kubeconfig file and context.
 */
public final class KubeFixture implements AutoCloseable {

    public static final String INVENTORY_NAMESPACE = "burst-gitops";

    private final String name;
    private final InMemoryCluster cluster;
    private final Path kubeconfig;
    private final Kubectl kubectl;
    private Fabric8ClusterApplier applier;

    private KubeFixture(String name, InMemoryCluster cluster, Path kubeconfig, Kubectl kubectl) {
        this.name = name;
        this.cluster = cluster;
        this.kubeconfig = kubeconfig;
        this.kubectl = kubectl;
    }

    /** Starts a cluster named {@code name}; files go below {@code dir}. */
    public static KubeFixture start(String name, Path dir) {
        InMemoryCluster cluster = InMemoryCluster.start();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve(name).resolve("kubeconfig"), name);
        return new KubeFixture(name, cluster, kubeconfig, new Kubectl(kubeconfig, dir.resolve(name).resolve("kube-cache")));
    }

    public ClusterTarget target() {
        return ClusterTarget.of(name, kubeconfig.toString(), name, INVENTORY_NAMESPACE)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /** The applier for this cluster, connected on first use and closed with the fixture. */
    public Fabric8ClusterApplier applier() {
        if (applier == null) {
            try {
                applier = Fabric8ClusterApplier.connect(target());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return applier;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public Kubectl kubectl() {
        return kubectl;
    }

    public InMemoryCluster cluster() {
        return cluster;
    }

    /** Writes the cluster received since the last {@link #forgetRequests()}, kubectl's included. */
    public List<InMemoryRequest> writes() {
        return cluster.writes();
    }

    public void forgetRequests() {
        cluster.clearRequests();
    }

    @Override
    public void close() {
        if (applier != null) {
            applier.close();
        }
        cluster.close();
    }
}

package dev.burstgitops.testing;

import dev.burstgitops.demo.LocalApiServer;
import dev.burstgitops.sync.ClusterTarget;
import dev.burstgitops.sync.Fabric8ClusterApplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One real cluster for a test: a kube-apiserver of its own (on the JVM's shared etcd, see
 * {@link TestPeers}), a kubeconfig for the controller, a {@link Kubectl} on it as a person with
 * their own user, and an applier built the way production builds one: from the kubeconfig file
 * and context. The server's audit log tells which requests were made since {@link #forgetRequests()}.
 */
public final class KubeFixture implements AutoCloseable {

    public static final String INVENTORY_NAMESPACE = "burst-gitops";

    private final String name;
    private final LocalApiServer server;
    private final Path kubeconfig;
    private final Kubectl kubectl;
    private final AuditLog audit;
    private Fabric8ClusterApplier applier;

    private KubeFixture(String name, LocalApiServer server, Path kubeconfig, Kubectl kubectl) {
        this.name = name;
        this.server = server;
        this.kubeconfig = kubeconfig;
        this.kubectl = kubectl;
        this.audit = new AuditLog(server.auditLog());
        audit.markEnd();
    }

    /** A cluster named {@code name}; its kubeconfigs go below {@code dir/name}. */
    public static KubeFixture start(String name, Path dir) {
        Path home = dir.resolve(name);
        LocalApiServer server = TestPeers.apiServer();
        Path kubeconfig = server.writeKubeconfig(home.resolve("kubeconfig"), name);
        Path personKubeconfig = server.writeKubeconfig(home.resolve("kubeconfig-person"), name, LocalApiServer.PERSON_USER);
        return new KubeFixture(name, server, kubeconfig, new Kubectl(personKubeconfig, home.resolve("kube-cache")));
    }

    public ClusterTarget target() {
        return ClusterTarget.of(name, kubeconfig.toString(), name, INVENTORY_NAMESPACE)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** This API server as the configured cluster {@code cluster} (a kubeconfig pointed here, whatever its name). */
    public ClusterTarget targetAs(String cluster) {
        return ClusterTarget.of(cluster, kubeconfig.toString(), name, INVENTORY_NAMESPACE)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** The cluster's identity: its kube-system Namespace's UID, read with the real kubectl. */
    public String identity() {
        return kubectl.run("get", "namespace", "kube-system", "-o", "jsonpath={.metadata.uid}");
    }

    /**
     * The entries of cluster {@code cluster}'s inventory in this API server, as its parts list them
     * ({@code objects.yaml} of each), read with the real kubectl.
     */
    public String inventoryYaml(String cluster) {
        return kubectl.run("get", "configmap", "-n", INVENTORY_NAMESPACE, "-l", "burst-gitops/inventory=" + cluster,
                "-o", "jsonpath={.items[*].data.objects\\.yaml}");
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

    /** The controller's kubeconfig (user {@value LocalApiServer#CONTROLLER_USER}). */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** kubectl as a person (user {@value LocalApiServer#PERSON_USER}). */
    public Kubectl kubectl() {
        return kubectl;
    }

    public LocalApiServer server() {
        return server;
    }

    /** Every request either user made since the start or the last {@link #forgetRequests()}, in order. */
    public List<ApiRequest> requests() {
        return audit.sinceMark();
    }

    /** The writes among {@link #requests()}, kubectl's included; dry runs are not writes. */
    public List<ApiRequest> writes() {
        return requests().stream().filter(ApiRequest::isWrite).toList();
    }

    /** The dry runs among {@link #requests()}: writes the server answered without storing. */
    public List<ApiRequest> dryRuns() {
        return requests().stream().filter(ApiRequest::isDryRun).toList();
    }

    public void forgetRequests() {
        audit.markEnd();
    }

    /** Stops the API server: from then on the cluster is unreachable. */
    public void stopServer() {
        server.close();
    }

    @Override
    public void close() {
        if (applier != null) {
            applier.close();
        }
        server.close();
    }
}

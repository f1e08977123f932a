package dev.burstgitops.leader;

import static dev.burstgitops.leader.LeaderCandidate.SHORT_LEASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.testing.ApiRequest;
import dev.burstgitops.sync.KubernetesClients;
import dev.burstgitops.testing.KubeFixture;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * What leader election takes for granted from the API server, checked on a real one: a
 * write carrying an outdated resourceVersion is refused with 409, so two candidates that read the
 * same expired lease cannot both take it. And the election's writes stay within the RBAC shipped
 * for the controller.
 */
class LeaderLeaseOptimisticLockingTest {

    private static final Path LEADER_RBAC = Path.of("apps/burst-gitops/rbac-burst-gitops.yaml");
    private static final Map<String, String> VERB_OF_METHOD = Map.of(
            "GET", "get", "POST", "create", "PUT", "update", "PATCH", "patch", "DELETE", "delete");

    @TempDir
    Path dir;

    private KubeFixture primary;
    private KubernetesClient client;

    @BeforeEach
    void startPrimaryCluster() throws IOException {
        primary = KubeFixture.start("primary", dir);
        LeaderCandidate.createNamespace(primary, SHORT_LEASE.namespace());
        client = KubernetesClients.connect(primary.target());
    }

    @AfterEach
    void stopPrimaryCluster() {
        client.close();
        primary.close();
    }

    @Test
    void aLeaseUpdateCarryingAnOutdatedResourceVersionIsRefusedWithAConflict() {
        // replica-a's lease has expired; replica-b and replica-c both read it and both try to take it.
        Lease expired = client.resource(lease("replica-a", null)).create();
        String readByBoth = expired.getMetadata().getResourceVersion();
        client.resource(lease("replica-b", readByBoth)).update();

        assertThatThrownBy(() -> client.resource(lease("replica-c", readByBoth)).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(holderSeenByKubectl()).isEqualTo("replica-b");
    }

    @Test
    void aMergePatchCarryingAnOutdatedResourceVersionIsRefusedToo() {
        // What fabric8's stock LeaseLock sends: the server checks the resourceVersion it carries.
        Lease expired = client.resource(lease("replica-a", null)).create();
        String readByBoth = expired.getMetadata().getResourceVersion();
        client.resource(lease("replica-b", readByBoth)).patch(PatchContext.of(PatchType.JSON_MERGE));

        assertThatThrownBy(() -> client.resource(lease("replica-c", readByBoth)).patch(PatchContext.of(PatchType.JSON_MERGE)))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(holderSeenByKubectl()).isEqualTo("replica-b");
    }

    @Test
    void theElectionTouchesTheLeaseOnlyWithVerbsTheControllersRbacGrants() throws IOException {
        primary.forgetRequests();
        try (LeaderElection election = new LeaderElection(client, SHORT_LEASE, "replica-a")) {
            election.start(() -> { }, () -> { });
            await().atMost(Duration.ofSeconds(3)).until(election::isLeader);
            // Renewals, then the release on close.
            await().atMost(Duration.ofSeconds(3)).until(() -> leaseVerbsUsed().contains("update"));
        }

        assertThat(leaseVerbsUsed()).containsExactlyInAnyOrder("get", "create", "update");
        assertThat(leaseVerbsGranted()).containsAll(leaseVerbsUsed());
    }

    private Set<String> leaseVerbsUsed() {
        return primary.requests().stream()
                .filter(request -> request.path().contains("/leases"))
                .map(ApiRequest::method)
                .map(VERB_OF_METHOD::get)
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> leaseVerbsGranted() throws IOException {
        Iterable<Object> documents = new Yaml().loadAll(Files.readString(LEADER_RBAC));
        return StreamSupport.stream(documents.spliterator(), false)
                .map(document -> (Map<String, Object>) document)
                .filter(document -> "Role".equals(document.get("kind")))
                .flatMap(role -> ((List<Map<String, Object>>) role.get("rules")).stream())
                .filter(rule -> ((List<String>) rule.get("resources")).contains("leases"))
                .flatMap(rule -> ((List<String>) rule.get("verbs")).stream())
                .collect(Collectors.toSet());
    }

    private static Lease lease(String holder, String resourceVersion) {
        return new LeaseBuilder()
                .withNewMetadata().withNamespace(SHORT_LEASE.namespace()).withName(SHORT_LEASE.leaseName())
                .withResourceVersion(resourceVersion).endMetadata()
                .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds(2).endSpec()
                .build();
    }

    @SuppressWarnings("unchecked")
    private String holderSeenByKubectl() {
        Map<String, Object> lease = primary.kubectl().getJson("lease", SHORT_LEASE.namespace(), SHORT_LEASE.leaseName());
        return String.valueOf(((Map<String, Object>) lease.get("spec")).get("holderIdentity"));
    }
}

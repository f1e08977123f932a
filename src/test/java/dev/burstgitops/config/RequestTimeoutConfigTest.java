package dev.burstgitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code clusters[].requestTimeout}: how long one request to a cluster's API server may take, and
 * with leader election always shorter than the lease, so that a write in flight when the lease is
 * lost cannot outlast it.
 */
class RequestTimeoutConfigTest {

    private static final String CLUSTERS = """
            git: {url: "file:///srv/fleet.git"}
            clusters:
              - name: primary
                path: clusters/primary
                kubeconfig: in-cluster
              - name: burst
                path: clusters/burst
                kubeconfig: in-cluster
            """;

    @Test
    void leftOutEveryClusterWaitsTenSecondsPerRequestWhichTheDefaultLeaseOutlasts() throws Exception {
        BurstGitopsConfig config = parse(CLUSTERS + "leaderElection: {enabled: true}\n");

        assertThat(config.clusters()).extracting(ClusterConfig::requestTimeout)
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(config.leaderElection().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aRequestTimeoutShorterThanTheLeaseIsTakenPerCluster() throws Exception {
        BurstGitopsConfig config = parse(CLUSTERS.replace("path: clusters/burst\n",
                "path: clusters/burst\n    requestTimeout: 3s\n") + "leaderElection: {enabled: true}\n");

        assertThat(config.clusters()).extracting(ClusterConfig::requestTimeout)
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(3));
    }

    @Test
    void aRequestTimeoutNotShorterThanTheLeaseIsRefusedNamingBothKeys() {
        String text = CLUSTERS.replace("path: clusters/burst\n", "path: clusters/burst\n    requestTimeout: 15s\n")
                + "leaderElection: {enabled: true, leaseDuration: 15s}\n";

        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).containsExactly("burst-gitops.yaml:8: clusters[1].requestTimeout: 15s must be"
                        + " shorter than leaderElection.leaseDuration (15s): a write in flight when the lease is lost"
                        + " lands up to a request timeout later, and must not outlast a lease; shorten requestTimeout"
                        + " or lengthen leaseDuration"));
    }

    @Test
    void aLeaseShorterThanTheDefaultRequestTimeoutIsRefusedOnEveryClusterThatKeepsTheDefault() {
        String text = CLUSTERS.replace("path: clusters/burst\n", "path: clusters/burst\n    requestTimeout: 5s\n")
                + "leaderElection: {enabled: true, leaseDuration: 8s, renewDeadline: 6s}\n";

        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).singleElement().asString()
                        .startsWith("burst-gitops.yaml:3: clusters[0].requestTimeout: 10s (the default) must be shorter"
                                + " than leaderElection.leaseDuration (8s)"));
    }

    @Test
    void withoutLeaderElectionThereIsNoLeaseToOutlast() throws Exception {
        BurstGitopsConfig config = parse(CLUSTERS.replace("path: clusters/burst\n",
                "path: clusters/burst\n    requestTimeout: 1m\n") + "leaderElection: {leaseDuration: 8s, renewDeadline: 6s}\n");

        assertThat(config.cluster("burst").orElseThrow().requestTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aZeroRequestTimeoutIsRefused() {
        String text = CLUSTERS.replace("path: clusters/burst\n", "path: clusters/burst\n    requestTimeout: 0s\n");

        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("clusters[1].requestTimeout: must be longer than 0s");
    }

    private static BurstGitopsConfig parse(String text) throws ConfigException {
        return ConfigLoader.parse(text, "burst-gitops.yaml", Path.of("/srv"));
    }
}

package dev.burstgitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code sync.limits} and {@code sync.maxFetchFailures}: safe defaults, sizes written as Kubernetes quantities. */
class SyncLimitsConfigTest {

    private static final String GIT = "git: {url: \"file:///srv/fleet.git\"}\n";

    @Test
    void leftOutTheLimitsAndTheFetchFailureBoundTakeSafeDefaults() throws Exception {
        SyncConfig sync = parse(GIT).sync();

        assertThat(sync.limits()).isEqualTo(new SyncLimits(4L * 1024 * 1024, 1_000_000, 10_000));
        assertThat(sync.maxFetchFailures()).isEqualTo(10);
    }

    @Test
    void readsSizesAsKubernetesQuantitiesAndCountsAsNumbers() throws Exception {
        SyncConfig sync = parse(GIT + """
                sync:
                  maxFetchFailures: 3
                  limits:
                    maxFileSize: 512Ki
                    maxExpandedYamlNodes: 2000
                    maxObjectsPerCluster: 50
                """).sync();

        assertThat(sync.limits()).isEqualTo(new SyncLimits(512 * 1024, 2000, 50));
        assertThat(sync.maxFetchFailures()).isEqualTo(3);
        assertThat(parse(GIT + "sync: {limits: {maxFileSize: 2M}}\n").sync().limits().maxFileSize()).isEqualTo(2_000_000);
        assertThat(parse(GIT + "sync: {limits: {maxFileSize: 300}}\n").sync().limits().maxFileSize()).isEqualTo(300);
    }

    @Test
    void namesTheKeyPathAndLineOfEveryLimitThatIsNoSizeOrNotPositive() {
        String text = GIT + """
                sync:
                  maxFetchFailures: 0
                  limits:
                    maxFileSize: 4MB
                    maxExpandedYamlNodes: 0
                    maxObjectsPerCluster: -1
                    maxFiles: 3
                """;

        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).containsExactlyInAnyOrder(
                        "burst-gitops.yaml:3: sync.maxFetchFailures: must be at least 1",
                        "burst-gitops.yaml:5: sync.limits.maxFileSize: must be a size such as 4Mi, 512Ki or 1000000"
                                + " (bytes), not '4MB'",
                        "burst-gitops.yaml:6: sync.limits.maxExpandedYamlNodes: must be at least 1",
                        "burst-gitops.yaml:7: sync.limits.maxObjectsPerCluster: must be at least 1",
                        "burst-gitops.yaml:8: sync.limits.maxFiles: unknown key (known here: maxExpandedYamlNodes,"
                                + " maxFileSize, maxObjectsPerCluster, maxRenderedResources)"));
    }

    @Test
    void refusesAFileSizeLimitPastWhatCanBeReadIntoMemory() {
        assertThatThrownBy(() -> parse(GIT + "sync: {limits: {maxFileSize: 2Gi}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("burst-gitops.yaml:2: sync.limits.maxFileSize: must be between 1 byte and 1Gi");
    }

    @Test
    void ownershipAndGitSafetyKeysAreReadAndABadValueIsNamedAtItsKey() throws ConfigException {
        String uid = "6c1a7a2e-3f1b-4c2d-9e8f-0a1b2c3d4e5f";
        BurstGitopsConfig config = parse("git: {url: \"file:///srv/fleet.git\", timeout: 15s, allowRollback: true}\n"
                + "sync: {adoptCluster: {east: " + uid + "}, pruneAdopted: true, limits: {maxRenderedResources: 500}}\n");
        assertThat(config.sync().adoptCluster()).containsExactly(java.util.Map.entry("east", uid));
        assertThat(config.sync().pruneAdopted()).isTrue();
        assertThat(config.sync().limits().maxRenderedResources()).isEqualTo(500);
        assertThat(config.git().timeout()).isEqualTo(java.time.Duration.ofSeconds(15));
        assertThat(config.git().allowRollback()).isTrue();

        assertThatThrownBy(() -> parse("git: {url: \"file:///srv/fleet.git\", timeout: 0s}\n"
                + "sync: {adoptCluster: {east: primary-cluster}}\n")).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("git.timeout: must be longer than 0s"))
                        .anySatisfy(p -> assertThat(p).contains("sync.adoptCluster: east: must be the cluster's identity")
                                .contains("not 'primary-cluster'")));
    }

    private static BurstGitopsConfig parse(String text) throws ConfigException {
        return ConfigLoader.parse(text, "burst-gitops.yaml", Path.of("."));
    }
}

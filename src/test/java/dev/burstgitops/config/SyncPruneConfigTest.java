package dev.burstgitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code sync.prune} (true, false or confirm) and {@code sync.protect}, the objects no pass may prune. */
class SyncPruneConfigTest {

    private static final String GIT = "git: {url: \"file:///srv/fleet.git\"}\n";

    @Test
    void pruneIsOnByDefaultAndReadsTheYamlBooleansAsBefore() throws Exception {
        assertThat(parse(GIT).sync().prune()).isEqualTo(SyncConfig.Prune.ON);
        assertThat(parse(GIT + "sync: {prune: true}\n").sync().prune()).isEqualTo(SyncConfig.Prune.ON);
        assertThat(parse(GIT + "sync: {prune: False}\n").sync().prune()).isEqualTo(SyncConfig.Prune.OFF);
        assertThat(parse(GIT + "sync: {prune: confirm}\n").sync().prune()).isEqualTo(SyncConfig.Prune.CONFIRM);
        assertThat(parse(GIT).sync().protect()).isEmpty();
    }

    @Test
    void anyOtherPruneValueIsAProblemNamingTheChoices() {
        assertThatThrownBy(() -> parse(GIT + "sync: {prune: ask}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("burst-gitops.yaml:2: sync.prune: must be true, false or confirm, not 'ask'");
    }

    @Test
    void readsTheProtectedObjectsNamespaceLeftOutForClusterScopedOnes() throws Exception {
        SyncConfig sync = parse(GIT + """
                sync:
                  protect:
                    - {kind: Secret, namespace: burst-gitops, name: burst-gitops-git}
                    - {kind: ClusterRole, name: burst-gitops}
                """).sync();

        assertThat(sync.protect()).containsExactly(new ProtectedObject("Secret", "burst-gitops", "burst-gitops-git"),
                new ProtectedObject("ClusterRole", "", "burst-gitops"));
    }

    @Test
    void everyProblemOfAProtectedObjectNamesItsKeyPath() {
        String text = GIT + """
                sync:
                  protect:
                    - {namespace: team, name: notes}
                    - {kind: configmap, name: notes}
                    - {kind: Secret, namespace: team}
                    - {kind: Secret, name: token, nmae: token}
                """;

        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).containsExactlyInAnyOrder(
                        "burst-gitops.yaml:4: sync.protect[0].kind: is required",
                        "burst-gitops.yaml:5: sync.protect[1].kind: must be a kind as manifests spell it"
                                + " (Deployment, ConfigMap), not 'configmap'",
                        "burst-gitops.yaml:6: sync.protect[2].name: is required",
                        "burst-gitops.yaml:7: sync.protect[3].nmae: unknown key (known here: kind, name, namespace)"));
    }

    @Test
    void protectMustBeAList() {
        assertThatThrownBy(() -> parse(GIT + "sync: {protect: {kind: Secret, name: token}}\n"))
                .isInstanceOf(ConfigException.class).hasMessage("burst-gitops.yaml:2: sync.protect: must be a list");
    }

    private static BurstGitopsConfig parse(String text) throws ConfigException {
        return ConfigLoader.parse(text, "burst-gitops.yaml", Path.of("."));
    }

    @Test
    void readsTheFieldManagersWhoseFieldsGitLeavesAlone() throws Exception {
        assertThat(parse(GIT).sync().leaveFieldsOf()).isEmpty();
        assertThat(parse(GIT + "sync: {leaveFieldsOf: [keda-operator, my-controller]}\n").sync().leaveFieldsOf())
                .containsExactly("keda-operator", "my-controller");
    }

    @Test
    void adoptedObjectsAreReleasedUnlessPruneAdoptedSaysTrue() throws Exception {
        assertThat(parse(GIT).sync().pruneAdopted()).isFalse();
        assertThat(parse(GIT + "sync: {pruneAdopted: true}\n").sync().pruneAdopted()).isTrue();
        assertThat(parse(GIT + "sync: {pruneAdopted: false}\n").sync().pruneAdopted()).isFalse();
    }

    @Test
    void pruneAdoptedTakesOnlyABoolean() {
        assertThatThrownBy(() -> parse(GIT + "sync: {pruneAdopted: confirm}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("burst-gitops.yaml:2: sync.pruneAdopted: must be true or false, not 'confirm'");
    }
}

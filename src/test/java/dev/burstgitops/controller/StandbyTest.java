package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.gitops.CommitIdentity;
import dev.burstgitops.gitops.GitRemote;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.status.Observability;
import dev.burstgitops.testing.GitRemotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replica that does not lead: ready, so a rollout can replace the leader, and writing nothing. */
class StandbyTest {

    @TempDir
    Path dir;

    @Test
    void aStandbyIsReadyBeforeItLeadsAndTheLoopsAddTheirConditionsOnlyWhenItDoes() {
        Observability observability = new Observability(Clock.systemUTC());

        assertThat(observability.readiness().check().ready()).isTrue();
        assertThat(observability.health().check().healthy()).isTrue();
    }

    @Test
    void aSyncLoopThatIsNotRunningIgnoresTriggersSoAWebhookToAStandbyFetchesAndAppliesNothing() throws Exception {
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of("README.md", "fleet\n"));
        Path checkout = dir.resolve("checkout");
        try (JGitWorkspace workspace = new JGitWorkspace(GitRemote.anonymous(remote.toUri(), "main", checkout),
                new CommitIdentity("burst-gitops", "burst-gitops@localhost"), Clock.systemUTC());
             SyncLoop standby = new SyncLoop(workspace, List.of(), Duration.ofMillis(100), Duration.ofMillis(100),
                     Clock.systemUTC())) {
            standby.trigger("webhook push");

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> !Files.exists(checkout) && standby.head() == null);
        }
    }
}

package dev.burstgitops.controller;

import static dev.burstgitops.controller.BurstLoopFixture.START;
import static dev.burstgitops.controller.BurstLoopFixture.VS_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.ShareMove;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.manifest.VirtualServiceWeights;
import dev.burstgitops.manifest.WeightedRoute;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.record.DecisionRecord;
import dev.burstgitops.record.DecisionTimeline;
import dev.burstgitops.status.ControllerStatus;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spillover policy over a real bare remote: the burst loop commits a share as weights with a
 * {@code Burst-Share} trailer, and steps it down once the lower share has lasted exitFor.
 */
class SpilloverFlowTest {

    @TempDir
    Path dir;

    private Path remote;
    private final MutableClock clock = new MutableClock(START);
    private final AtomicReference<Double> rate = new AtomicReference<>(50.0);
    private JGitWorkspace workspace;
    private BurstLoop loop;

    @BeforeEach
    void start() throws Exception {
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(VS_FILE, Files.readString(Path.of(VS_FILE))));
        Path configFile = ConfigYaml.forRemote(remote.toUri()).prometheus("http://127.0.0.1:9")
                .workerPolicy("worker_rate", "exitFor: 30s").writeTo(dir.resolve("burst-gitops.yaml"));
        String band = "    enterAbove: 15\n    exitBelow: 10\n";
        String text = Files.readString(configFile);
        assertThat(text).contains(band);
        Files.writeString(configFile, text.replace(band,
                "    spillover:\n      capacity: 100\n      step: 10\n      maxBurst: 100\n"));
        BurstGitopsConfig config = ConfigLoader.load(configFile);
        workspace = Adapters.workspace(config, clock);
        loop = BurstLoop.create(config, promql -> new Sample(rate.get(), clock.instant(), 1), Optional.empty(),
                workspace, clock);
    }

    @AfterEach
    void close() throws Exception {
        workspace.close();
    }

    private PassResult pass() throws Exception {
        return loop.passes().get(0).run();
    }

    private List<Map<String, OptionalInt>> remoteWeights() throws Exception {
        return VirtualServiceWeights.read(GitRemotes.show(remote, VS_FILE), VS_FILE, "worker-virtual-service",
                Set.of("primary", "burst")).routes().stream().map(WeightedRoute::weights).toList();
    }

    @Test
    void oneHundredFiftyOverACapacityOfOneHundredSpillsFortyPercentThenStepsDownAfterExitFor() throws Exception {
        assertThat(pass().commit()).isEmpty();                       // 50 req/s: share 0, as seeded

        rate.set(150.0);
        PassResult up = pass();

        assertThat(up.commit()).isPresent();
        assertThat(up.decision().share()).contains(new ShareMove(0, 40));
        assertThat(remoteWeights()).allSatisfy(route -> assertThat(route)
                .containsEntry("primary", OptionalInt.of(60)).containsEntry("burst", OptionalInt.of(40)));
        GitLoggedCommit rise = GitRemotes.log(remote).get(0);
        assertThat(rise.subject())
                .isEqualTo("burst(worker): share 0% -> 40% at 150 req/s (capacity 100 req/s, step 10%)");
        assertThat(rise.trailers()).contains("Burst-Share: 40", "Burst-Decision: natural -> burst",
                "Burst-Rule: capacity 100 req/s, step 10%", "Burst-Observed: 150");

        rate.set(120.0);                                             // calls for 20%: two steps lower
        assertThat(pass().decision()).isInstanceOf(Decision.Stay.class);
        clock.advance(Duration.ofSeconds(15));
        assertThat(pass().decision()).isInstanceOf(Decision.Stay.class);
        clock.advance(Duration.ofSeconds(15));
        PassResult down = pass();                                    // 30s of exitFor

        assertThat(down.commit()).isPresent();
        assertThat(down.decision().share()).contains(new ShareMove(40, 20));
        assertThat(remoteWeights()).allSatisfy(route -> assertThat(route)
                .containsEntry("primary", OptionalInt.of(80)).containsEntry("burst", OptionalInt.of(20)));
        GitLoggedCommit fall = GitRemotes.log(remote).get(0);
        assertThat(fall.subject())
                .isEqualTo("burst(worker): share 40% -> 20% at 120 req/s (capacity 100 req/s, step 10%)");
        assertThat(fall.trailers()).contains("Burst-Share: 20", "Burst-Decision: burst -> burst");

        workspace.refresh();
        List<DecisionRecord> history = DecisionTimeline.read(workspace.directory(), "main", Optional.of("worker"),
                Optional.empty());
        assertThat(history).extracting(DecisionRecord::share).containsExactly(Optional.of(40), Optional.of(20));
        assertThat(history.get(0).line()).contains("natural -> burst", "share 40% at 150 req/s",
                "(capacity 100 req/s, step 10%)");
        assertThat(history.get(1).asMap()).containsEntry("share", "20");

        ControllerStatus status = new ControllerStatus(clock);
        status.recordPass(down);
        assertThat(status.snapshot().policies().get("worker").share()).isEqualTo(20);
        assertThat(status.snapshot().policies().get("worker").mode()).isEqualTo("burst");
    }
}

package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.gitops.CommitRequest;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.GitWorkspace;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.gitops.PushOutcome;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite (issue 11): two replicas run without leader election (a misconfigured Deployment
 * with {@code replicas: 2}), each with its own working copy of the same branch and the same
 * metric. At every change of the rate both decide the same change on the same head and push at
 * the same moment (a barrier holds each push until the other is ready): one push lands, the other
 * is rejected, fetched, decided again on the new head — and makes no commit. Ten changes of the
 * rate give exactly ten decision commits, alternating, never one twice.
 */
class TwoReplicasFaultTest {

    private static final String VS_FILE = ConfigYaml.WORKER_VS_FILE;
    private static final int RATE_CHANGES = 10;

    @TempDir
    Path dir;

    private Path remote;
    private final AtomicReference<Double> rate = new AtomicReference<>(5.0);
    private final CyclicBarrier bothReadyToPush = new CyclicBarrier(2);
    private final List<JGitWorkspace> workspaces = new ArrayList<>();
    private final ExecutorService replicas = Executors.newFixedThreadPool(2);

    @BeforeEach
    void createRemote() throws Exception {
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(VS_FILE, Files.readString(Path.of(VS_FILE))));
    }

    @AfterEach
    void closeAll() throws Exception {
        replicas.shutdownNow();
        replicas.awaitTermination(30, TimeUnit.SECONDS);
        workspaces.forEach(JGitWorkspace::close);
    }

    @Test
    void twoReplicasWithoutLeaderElectionNeverCommitTheSameDecisionTwice() throws Exception {
        Replica a = replica("a");
        Replica b = replica("b");
        int rejectedAndDecidedAgain = 0;
        Mode mode = Mode.NATURAL;

        for (int change = 0; change < RATE_CHANGES; change++) {
            mode = mode == Mode.NATURAL ? Mode.BURST : Mode.NATURAL;
            rate.set(mode == Mode.BURST ? 20.0 : 5.0);
            for (Replica replica : List.of(a, b)) {
                replica.workspace.pushTogether = true;
                replica.workspace.rejected = 0;
            }

            CompletableFuture<PassResult> byA = CompletableFuture.supplyAsync(a::pass, replicas);
            CompletableFuture<PassResult> byB = CompletableFuture.supplyAsync(b::pass, replicas);
            List<PassResult> results = List.of(byA.get(60, TimeUnit.SECONDS), byB.get(60, TimeUnit.SECONDS));

            Mode expected = mode;
            assertThat(results).as("change %d", change)
                    .allSatisfy(result -> assertThat(result.decision().to()).isEqualTo(expected));
            assertThat(results).as("change %d: exactly one replica committed", change)
                    .filteredOn(result -> result.commit().isPresent()).singleElement()
                    .satisfies(winner -> assertThat(winner.decision()).isInstanceOf(Decision.Change.class));
            PassResult loser = results.stream().filter(result -> result.commit().isEmpty()).findFirst().orElseThrow();
            assertThat((loser == results.get(0) ? a : b).workspace.rejected)
                    .as("the loser's push was rejected, so it fetched and decided again").isEqualTo(1);
            assertThat(loser.decision()).as("decided again on the winner's head: nothing left to change")
                    .isNotInstanceOf(Decision.Change.class);
            rejectedAndDecidedAgain++;
            // And a further pass of each, now on the same head, has nothing to do.
            assertThat(a.pass().commit()).isEmpty();
            assertThat(b.pass().commit()).isEmpty();
        }

        List<GitLoggedCommit> decisions = new ArrayList<>(GitRemotes.log(remote).stream()
                .filter(commit -> !commit.trailerValues("Burst-Decision").isEmpty()).toList());
        Collections.reverse(decisions);
        assertThat(decisions).hasSize(RATE_CHANGES);
        for (int i = 0; i < decisions.size(); i++) {
            assertThat(decisions.get(i).trailerValues("Burst-Decision")).as("decision %d", i)
                    .containsExactly(i % 2 == 0 ? "natural -> burst" : "burst -> natural");
        }
        assertThat(GitRemotes.log(remote)).hasSize(RATE_CHANGES + 1);
        assertThat(rejectedAndDecidedAgain).isEqualTo(RATE_CHANGES);
        assertThat(GitRemotes.show(remote, VS_FILE)).isEqualTo(Files.readString(Path.of(VS_FILE)));
    }

    private Replica replica(String name) throws Exception {
        Path configFile = ConfigYaml.forRemote(remote.toUri()).git("checkoutDir: checkout-" + name)
                .prometheus("http://127.0.0.1:9").workerPolicy("worker_rate")
                .writeTo(dir.resolve("burst-gitops-" + name + ".yaml"));
        BurstGitopsConfig config = ConfigLoader.load(configFile);
        JGitWorkspace real = Adapters.workspace(config, Clock.systemUTC());
        workspaces.add(real);
        PushingTogether workspace = new PushingTogether(real);
        BurstLoop loop = BurstLoop.create(config, promql -> new Sample(rate.get(), Instant.now(), 1), workspace,
                Clock.systemUTC());
        return new Replica(loop, workspace);
    }

    private record Replica(BurstLoop loop, PushingTogether workspace) {
        PassResult pass() {
            try {
                return loop.passes().get(0).run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A replica's real workspace whose first push of a round waits for the other replica's. */
    private final class PushingTogether implements GitWorkspace {

        private final GitWorkspace real;
        private volatile boolean pushTogether;
        private volatile int rejected;

        PushingTogether(GitWorkspace real) {
            this.real = real;
        }

        @Override
        public String refresh() throws GitException {
            return real.refresh();
        }

        @Override
        public Path directory() {
            return real.directory();
        }

        @Override
        public PushOutcome commitAndPush(CommitRequest request) throws GitException {
            if (pushTogether) {
                pushTogether = false;
                try {
                    bothReadyToPush.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other replica never got ready to push", e);
                }
            }
            PushOutcome outcome = real.commitAndPush(request);
            if (outcome instanceof PushOutcome.Rejected) {
                rejected++;
            }
            return outcome;
        }
    }
}

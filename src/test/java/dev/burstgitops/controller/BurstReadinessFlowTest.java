package dev.burstgitops.controller;

import static dev.burstgitops.controller.BurstLoopFixture.START;
import static dev.burstgitops.controller.BurstLoopFixture.VS_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.decision.BurstReadiness;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.metrics.Sample;
import dev.burstgitops.status.ControllerStatus;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.ConfigYaml;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.MutableClock;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness gate against a real API server for the burst cluster. The server runs without a
 * controller manager or kubelet, so nothing fills in a Deployment's status by itself: the test
 * writes {@code status.availableReplicas} through the status subresource, as the kubelet and the
 * Deployment controller would between them.
 */
class BurstReadinessFlowTest {

    private static final String NAMESPACE = "default";
    private static final String WORKER = "worker-deployment";

    @TempDir
    Path dir;

    private KubeFixture burst;
    private KubernetesClient admin;
    private Path remote;
    private final MutableClock clock = new MutableClock(START);
    private JGitWorkspace workspace;
    private BurstLoop loop;
    private double rate = 20;

    @BeforeEach
    void start() throws Exception {
        burst = KubeFixture.start("burst", dir);
        admin = burst.server().client();
        remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(VS_FILE, Files.readString(Path.of(VS_FILE))));
        Path configFile = ConfigYaml.forRemote(remote.toUri()).prometheus("http://127.0.0.1:9")
                .workerPolicy("worker_rate", "burstReadiness:", "  cluster: burst",
                        "  workload: Deployment/" + NAMESPACE + "/" + WORKER, "  minAvailable: 1",
                        "  fallbackAfter: 30s")
                .burst(burst.kubeconfig())
                .writeTo(dir.resolve("burst-gitops.yaml"));
        BurstGitopsConfig config = ConfigLoader.load(configFile);
        workspace = Adapters.workspace(config, clock);
        loop = BurstLoop.create(config, promql -> new Sample(rate, clock.instant(), 1), Optional.empty(), workspace,
                clock);
    }

    @AfterEach
    void close() throws Exception {
        loop.close();
        workspace.close();
        admin.close();
        burst.close();
    }

    private PassResult pass() throws Exception {
        return loop.passes().get(0).run();
    }

    private void createWorker() {
        admin.apps().deployments().inNamespace(NAMESPACE).resource(new DeploymentBuilder()
                .withNewMetadata().withName(WORKER).endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().addToMatchLabels("app", "worker").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "worker").endMetadata()
                .withNewSpec().addNewContainer().withName("worker").withImage("worker:1").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
    }

    /** What the kubelet and the Deployment controller would report once the pods run (or stop). */
    private void setAvailable(int available) {
        admin.apps().deployments().inNamespace(NAMESPACE).withName(WORKER).editStatus(deployment ->
                new DeploymentBuilder(deployment).editOrNewStatus().withReplicas(1).withAvailableReplicas(available)
                        .withReadyReplicas(available).endStatus().build());
    }

    private List<GitLoggedCommit> decisions() {
        return GitRemotes.log(remote, "main").stream().filter(c -> !c.trailerValues("Burst-Decision").isEmpty())
                .toList();
    }

    @Test
    void burstWaitsForTheWorkerToBeAvailableThenEntersAtTheFirstReadyPoll() throws Exception {
        PassResult missing = pass();
        assertThat(missing.commit()).isEmpty();
        assertThat(missing.decision().to()).isEqualTo(Mode.NATURAL);
        assertThat(missing.summary()).contains("burst not ready: Deployment default/worker-deployment in cluster burst"
                + " does not exist");
        assertThat(missing.readiness()).containsInstanceOf(BurstReadiness.NotReady.class);
        ControllerStatus status = new ControllerStatus(clock);
        status.recordPass(missing);
        assertThat(status.snapshot().policies().get("worker").burstSide()).isEqualTo(new ControllerStatus.BurstSideView(
                false, "Deployment default/worker-deployment in cluster burst does not exist", START));

        createWorker();
        clock.advance(Duration.ofSeconds(15));
        PassResult unavailable = pass();
        assertThat(unavailable.commit()).isEmpty();
        assertThat(unavailable.decision().reason()).startsWith("burst not ready: Deployment default/worker-deployment"
                + " in cluster burst has 0 of 1 replica available");

        setAvailable(1);
        clock.advance(Duration.ofSeconds(15));
        PassResult entered = pass();
        assertThat(entered.commit()).isPresent();
        assertThat(entered.decision().to()).isEqualTo(Mode.BURST);
        assertThat(entered.readiness()).containsInstanceOf(BurstReadiness.Ready.class);
        assertThat(decisions()).singleElement().satisfies(commit ->
                assertThat(commit.trailerValues("Burst-Decision")).containsExactly("natural -> burst"));
    }

    @Test
    void inBurstAWorkerShortForFallbackAfterIsAFallbackCommitWithItsReasonInATrailer() throws Exception {
        createWorker();
        setAvailable(1);
        assertThat(pass().decision().to()).isEqualTo(Mode.BURST);

        setAvailable(0);
        clock.advance(Duration.ofSeconds(15));
        PassResult shortOnce = pass();
        assertThat(shortOnce.commit()).isEmpty();
        assertThat(shortOnce.decision().reason()).contains("burst not ready: ").contains("for 0s of the 30s");
        clock.advance(Duration.ofSeconds(15));
        assertThat(pass().commit()).isEmpty();
        clock.advance(Duration.ofSeconds(15));
        PassResult fellBack = pass();

        assertThat(fellBack.commit()).isPresent();
        assertThat(fellBack.decision().to()).isEqualTo(Mode.NATURAL);
        GitLoggedCommit fallback = GitRemotes.log(remote, "main").get(0);
        assertThat(fallback.subject()).isEqualTo("burst(worker): burst -> natural at 20 req/s (burst not ready for 30s)");
        assertThat(fallback.trailerValues("Burst-Fallback")).containsExactly(
                "Deployment default/worker-deployment in cluster burst has 0 of 1 replica available");
        assertThat(fallback.trailerValues("Burst-Decision")).containsExactly("burst -> natural");

        // Still busy, still short: natural holds and nothing more is committed.
        clock.advance(Duration.ofSeconds(15));
        assertThat(pass().commit()).isEmpty();
        assertThat(decisions()).hasSize(2);
    }

    @Test
    void aQuietNaturalPassDoesNotReadTheBurstSideAtAll() throws Exception {
        createWorker();
        rate = 5;
        burst.forgetRequests();

        PassResult quiet = pass();

        assertThat(quiet.decision().to()).isEqualTo(Mode.NATURAL);
        assertThat(burst.requests()).as("requests to the burst API server").isEmpty();
    }

    @Test
    void anUnreachableBurstClusterIsNotReadyAndNothingIsCommitted() throws Exception {
        createWorker();
        setAvailable(1);
        burst.stopServer();

        PassResult result = pass();

        assertThat(result.commit()).isEmpty();
        assertThat(result.decision().reason()).startsWith("burst not ready: cluster burst unreachable");
        assertThat(decisions()).isEmpty();
    }
}

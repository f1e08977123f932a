package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitCli;
import dev.burstgitops.testing.GitHttpServer;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.KubeFixture;
import dev.burstgitops.testing.PrometheusCounterSeries;
import dev.burstgitops.testing.PrometheusServer;
import dev.burstgitops.testing.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decide --once} end to end: the real Prometheus server, a real smart-HTTP Git remote
 * with basic auth (C git's http-backend behind lighttpd), and the git command line to read
 * what landed.
 */
class DecideCommandTest {

    private static final String VS_FILE = "apps/istio/worker-virtualservice.yaml";
    private static final String QUIET_QUERY = PrometheusServer.REFERENCE_WORKER_QUERY
            .replace("frontend-deployment", "quiet-frontend");

    private static PrometheusServer prometheus;

    @TempDir
    Path dir;

    private GitHttpServer git;
    private Path remote;

    @BeforeAll
    static void startPrometheus() {
        // Twenty requests per second from the frontend, five from a quieter client.
        prometheus = PrometheusServer.start(List.of(PrometheusCounterSeries.referenceWorker(20),
                PrometheusCounterSeries.referenceWorker(5).withLabel("source_workload", "quiet-frontend")));
    }

    @AfterAll
    static void stopPrometheus() {
        prometheus.close();
    }

    @BeforeEach
    void startGit() throws IOException {
        git = GitHttpServer.start(dir.resolve("http"));
        remote = git.createRepository("fleet.git", Map.of(VS_FILE, Files.readString(Path.of(VS_FILE))));
        Files.writeString(dir.resolve("token"), git.token().reveal() + "\n");
    }

    @org.junit.jupiter.api.AfterEach
    void stopGit() {
        git.close();
    }

    @Test
    void twentyRequestsPerSecondCommitsTheBurstWeightsOnceWithTrailers() throws IOException {
        CommandRun run = decide(config(PrometheusServer.REFERENCE_WORKER_QUERY, "token"));

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).startsWith("worker: burst at 20 req/s, committed ");
        List<GitLoggedCommit> log = GitRemotes.log(remote);
        assertThat(log).hasSize(2);
        GitLoggedCommit decision = log.get(0);
        assertThat(decision.subject()).isEqualTo("burst(worker): natural -> burst at 20 req/s (> 15 req/s for 0s)");
        assertThat(decision.authorName()).isEqualTo("burst-gitops");
        assertThat(decision.trailerValues("Burst-Policy")).containsExactly("worker");
        assertThat(decision.trailerValues("Burst-Decision")).containsExactly("natural -> burst");
        assertThat(decision.trailerValues("Burst-Observed")).containsExactly("20");
        assertThat(decision.trailerValues("Burst-Rule")).containsExactly("> 15 req/s for 0s");
        assertThat(changedLines(decision.id())).containsExactly(
                "-          weight: 100", "+          weight: 0", "-          weight: 0", "+          weight: 100");
    }

    @Test
    void aOneShotPassWithAnEnterWindowDecidesOnThePastWindowFromHistory() throws IOException {
        // Prometheus has held 20 req/s for the last hour: the window of 30s has long been met.
        Path config = config(PrometheusServer.REFERENCE_WORKER_QUERY, "token");
        Files.writeString(config, Files.readString(config).replace("    enterAbove: 15\n",
                "    enterAbove: 15\n    enterFor: 30s\n    interval: 5s\n"));

        CommandRun run = decide(config);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(GitRemotes.log(remote).get(0).subject())
                .isEqualTo("burst(worker): natural -> burst at 20 req/s (> 15 req/s for 30s)");
    }

    @Test
    void aSecondPassAtTheSameRateMakesNoCommit() throws IOException {
        Path config = config(PrometheusServer.REFERENCE_WORKER_QUERY, "token");
        decide(config);

        CommandRun again = decide(config);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("worker: burst at 20 req/s, no change (already burst");
        assertThat(GitRemotes.log(remote)).hasSize(2);
    }

    @Test
    void fiveRequestsPerSecondBringsBurstBackToNatural() throws IOException {
        decide(config(PrometheusServer.REFERENCE_WORKER_QUERY, "token"));

        CommandRun run = decide(config(QUIET_QUERY, "token"));

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(GitRemotes.log(remote).get(0).subject())
                .isEqualTo("burst(worker): burst -> natural at 5 req/s (< 10 req/s for 0s)");
        assertThat(GitRemotes.show(remote, VS_FILE)).isEqualTo(Files.readString(Path.of(VS_FILE)));
    }

    @Test
    void aPersonsCommitThatLandedFirstIsKeptAndTheDecisionGoesOnTop() throws IOException {
        GitClient alice = GitClient.clone(git.authenticatedUrl("fleet.git"), dir.resolve("alice"), "main");
        alice.write("README.md", "fleet\n").commitAndPush(new GitAuthor("Alice", "alice@example.com"), "Add a README");

        assertThat(decide(config(PrometheusServer.REFERENCE_WORKER_QUERY, "token")).exitCode()).isZero();

        List<GitLoggedCommit> log = GitRemotes.log(remote);
        assertThat(log).extracting(GitLoggedCommit::subject).containsExactly(
                "burst(worker): natural -> burst at 20 req/s (> 15 req/s for 0s)", "Add a README",
                log.get(2).subject());
        assertThat(log.get(0).parents()).containsExactly(log.get(1).id());
    }

    @Test
    void withPrometheusDownItExitsThreeAndCommitsNothing() throws IOException {
        Path config = config(PrometheusServer.REFERENCE_WORKER_QUERY, "token");
        try (PrometheusServer down = PrometheusServer.start(List.of(PrometheusCounterSeries.referenceWorker(20)))) {
            down.stop();
            Files.writeString(config, Files.readString(config).replace(prometheus.uri().toString(),
                    down.uri().toString()));

            CommandRun run = decide(config);

            assertThat(run.exitCode()).isEqualTo(ExitCodes.METRICS);
            assertThat(run.out()).contains("worker: natural, query failed, no change (metric query failed, "
                    + "holding natural: Prometheus query failed at " + down.uri());
        }
        assertThat(GitRemotes.log(remote)).hasSize(1);
    }

    @Test
    void wrongCredentialsExitFourWithAClearErrorAndTheTokenNowhere() throws IOException {
        Files.writeString(dir.resolve("wrong-token"), "not-" + git.token().reveal());

        CommandRun run = decide(config(PrometheusServer.REFERENCE_WORKER_QUERY, "wrong-token"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.GIT);
        assertThat(run.err()).contains("worker: Git failed: authentication failed for " + git.url("fleet.git"));
        assertThat(run.all()).doesNotContain(git.token().reveal());
        assertThat(GitRemotes.log(remote)).hasSize(1);
    }

    @Test
    void aConfigurationErrorExitsTwoNamingTheKey() throws IOException {
        Path config = config(PrometheusServer.REFERENCE_WORKER_QUERY, "token");
        Files.writeString(config, Files.readString(config).replace("exitBelow: 10", "exitBelow: 15"));

        CommandRun run = decide(config);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("policies[0].exitBelow: must be below enterAbove (15)");
    }

    @Test
    void aDryRunPrintsTheCommitItWouldMakeAndWritesNothing() throws IOException {
        CommandRun run = CommandRun.of("decide", "--config", config(PrometheusServer.REFERENCE_WORKER_QUERY, "token")
                .toString(), "--once", "--dry-run");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).startsWith("worker: burst at 20 req/s, dry run, would commit \"burst(worker): natural"
                + " -> burst at 20 req/s (> 15 req/s for 0s)\"");
        assertThat(GitRemotes.log(remote)).hasSize(1);
    }

    @Test
    void jsonOutputIsOneDocumentWithAnObjectPerPolicy() throws IOException {
        CommandRun run = CommandRun.of("decide", "--config", config(PrometheusServer.REFERENCE_WORKER_QUERY, "token")
                .toString(), "--once", "-o", "json");

        assertThat(run.exitCode()).as(run.all()).isZero();
        com.fasterxml.jackson.databind.JsonNode worker = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out()).get(0);
        assertThat(worker.get("policy").asText()).isEqualTo("worker");
        assertThat(worker.get("decision").asText()).isEqualTo("change");
        assertThat(worker.get("from").asText() + " -> " + worker.get("to").asText()).isEqualTo("natural -> burst");
        assertThat(worker.get("observed").asDouble()).isEqualTo(20.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(worker.get("commit").asText()).isEqualTo(GitRemotes.log(remote).get(0).id());
        assertThat(worker.get("dryRun").asBoolean()).isFalse();
    }

    @Test
    void aBurstWorkerThatIsNotAvailableHoldsBurstBackAndSaysWhy() throws IOException {
        try (KubeFixture burst = KubeFixture.start("burst", dir)) {
            Path config = config(PrometheusServer.REFERENCE_WORKER_QUERY, "token");
            // The burst cluster is a real API server without the worker: nothing can take the traffic.
            Files.writeString(config, Files.readString(config).replace("    virtualService:\n",
                    "    burstReadiness:\n      cluster: burst\n      workload: Deployment/default/worker-deployment\n"
                            + "    virtualService:\n")
                    + "clusters:\n  - name: burst\n    path: clusters/burst\n    kubeconfig: " + burst.kubeconfig() + "\n");
            assertThat(Files.readString(config)).contains("      workload: Deployment/default/worker-deployment");

            CommandRun run = decide(config);

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).startsWith("worker: natural at 20 req/s, no change (burst not ready: Deployment"
                    + " default/worker-deployment in cluster burst does not exist; staying natural");
            assertThat(GitRemotes.log(remote)).hasSize(1);
        }
    }

    @Test
    void theBurstLoopBuildsOnlyOnAHeadAnAllowedKeySignedAndSignsItsOwnDecision() throws IOException {
        SigningKeys keys = new SigningKeys(dir.resolve("keys"));
        Path controllerKey = keys.create("controller_ed25519");
        Path personKey = keys.create("person_ed25519");
        Path allowed = keys.allowedSigners("allowed_signers", "platform-team", controllerKey, personKey);
        Path config = config(PrometheusServer.REFERENCE_WORKER_QUERY, "token");
        Files.writeString(config, Files.readString(config).replace("  checkoutDir: checkout\n",
                "  checkoutDir: checkout\n  signing: { sshKeyFile: " + controllerKey + " }\n"
                        + "  verify: { allowedSignersFile: " + allowed + " }\n"));

        CommandRun onUnsigned = decide(config);

        assertThat(onUnsigned.exitCode()).as(onUnsigned.all()).isEqualTo(4);
        assertThat(onUnsigned.err()).contains("is not signed by an allowed key (it carries no signature)");
        assertThat(GitRemotes.log(remote)).as("nothing built on the unsigned head").hasSize(1);

        GitClient person = GitClient.clone(remote.toString(), dir.resolve("person"), GitRemotes.BRANCH);
        person.write("README.md", "signed off by the platform team\n").commitSigned(GitRemotes.SEEDER, "vouch", personKey);
        person.push();
        CommandRun onSigned = decide(config);

        assertThat(onSigned.exitCode()).as(onSigned.all()).isZero();
        assertThat(GitRemotes.log(remote)).hasSize(3);
        GitCli.Result verified = GitCli.tryRun(remote, Map.of(), "-c", "gpg.ssh.allowedSignersFile=" + allowed,
                "verify-commit", GitRemotes.BRANCH);
        assertThat(verified.exitCode()).as(verified.stderr()).isZero();
    }

    @Test
    void aSigningKeyThatIsNotThereAtStartIsAConfigurationErrorNamingTheKey() throws IOException {
        Path config = config(PrometheusServer.REFERENCE_WORKER_QUERY, "token");
        Path missing = dir.resolve("signing/ssh-privatekey");
        Files.writeString(config, Files.readString(config).replace("  checkoutDir: checkout\n",
                "  checkoutDir: checkout\n  signing: { sshKeyFile: " + missing + " }\n"));

        CommandRun run = decide(config);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("git.signing.sshKeyFile: " + missing + " does not exist or cannot be read");
        assertThat(GitRemotes.log(remote)).hasSize(1);
    }

    private CommandRun decide(Path config) {
        return CommandRun.of("decide", "--config", config.toString(), "--once");
    }

    private List<String> changedLines(String commit) {
        String diff = GitCli.run(remote, "show", "--format=", "--unified=0", commit);
        return Arrays.stream(diff.split("\n"))
                .filter(line -> (line.startsWith("+") || line.startsWith("-")) && !line.startsWith("+++")
                        && !line.startsWith("---"))
                .toList();
    }

    private Path config(String query, String tokenFile) throws IOException {
        Path file = dir.resolve("burst-gitops-" + tokenFile + ".yaml");
        Files.writeString(file, """
                git:
                  url: %s
                  checkoutDir: checkout
                  auth: { username: %s, tokenFile: %s }
                prometheus:
                  url: %s
                  timeout: 2s
                policies:
                  - name: worker
                    query: '%s'
                    enterAbove: 15
                    exitBelow: 10
                    virtualService:
                      file: %s
                      name: worker-virtual-service
                """.formatted(git.url("fleet.git"), git.username(), tokenFile, prometheus.uri(), query, VS_FILE));
        return file;
    }
}

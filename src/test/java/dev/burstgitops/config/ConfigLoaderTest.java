package dev.burstgitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.decision.MissingDataPolicy;
import dev.burstgitops.decision.Mode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String MINIMAL = """
            git:
              url: file:///srv/fleet.git
            prometheus:
              url: http://127.0.0.1:9090
            policies:
              - name: worker
                query: sum(rate(x[15s]))
                enterAbove: 15
                exitBelow: 10
                virtualService:
                  file: apps/istio/worker-virtualservice.yaml
                  name: worker-virtual-service
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheExampleOfTheDesignDocument() throws Exception {
        BurstGitopsConfig config = ConfigLoader.load(Path.of("src/test/resources/config/design-example.yaml"));

        assertThat(config.git().url()).isEqualTo(URI.create("https://git.example.com/acme/fleet.git"));
        assertThat(config.git().auth()).hasValueSatisfying(auth ->
                assertThat(auth.token().file()).isEqualTo(Path.of("/etc/burst-gitops/git/token")));
        assertThat(config.git().pullRequest()).hasValueSatisfying(pr -> assertThat(pr.provider()).isEqualTo("github"));
        PolicyConfig worker = config.policy("worker").orElseThrow();
        assertThat(worker.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(worker.rule().enterAbove()).isEqualTo(15);
        assertThat(worker.rule().exitFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(worker.rule().onMissingData()).isEqualTo(MissingDataPolicy.HOLD);
        assertThat(worker.virtualService().weightsFor(Mode.BURST)).containsExactly(Map.entry("primary", 0),
                Map.entry("burst", 100));
        assertThat(config.cluster("primary").orElseThrow().kubeconfig()).isEmpty();
        assertThat(config.cluster("burst").orElseThrow().context()).contains("burst");
        assertThat(config.sync().mode()).isEqualTo(SyncConfig.Mode.APPLY);
        assertThat(config.server().webhookSecret()).isPresent();
        assertThat(config.leaderElection().enabled()).isFalse();
    }

    @Test
    void fillsInDefaultsForWhatIsLeftOut() throws Exception {
        BurstGitopsConfig config = parse(MINIMAL);

        assertThat(config.git().branch()).isEqualTo("main");
        assertThat(config.git().pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.git().maxOverrideDuration()).isEqualTo(Duration.ofDays(7));
        PolicyConfig policy = config.policies().get(0);
        assertThat(policy.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.rule().cooldown()).isZero();
        assertThat(policy.virtualService().primarySubset()).isEqualTo("primary");
        assertThat(policy.virtualService().natural()).isEqualTo(new VirtualServiceConfig.WeightPair(100, 0));
        assertThat(config.sync().interval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void namesTheKeyPathAndLineOfABandThatIsTheWrongWayRound() {
        String text = MINIMAL.replace("exitBelow: 10", "exitBelow: 20");

        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class)
                .hasMessage("burst-gitops.yaml:9: policies[0].exitBelow: must be below enterAbove (15)");
    }

    @Test
    void reportsUnknownKeysInsteadOfIgnoringThem() {
        String text = MINIMAL.replace("    enterAbove: 15", "    enterAbvoe: 15\n    enterAbove: 15");

        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("burst-gitops.yaml:8: policies[0].enterAbvoe: unknown key (known here: ");
    }

    @Test
    void refusesASecretWrittenInline() {
        String text = MINIMAL.replace("  url: file:///srv/fleet.git",
                "  url: file:///srv/fleet.git\n  auth: { username: bot, token: s3cr3t-value }");

        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("git.auth.token: secrets are never written in the configuration")
                .hasMessageContaining("tokenFile")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String text = MINIMAL.replace("exitBelow: 10", "exitBelow: ten").replace("name: worker\n", "name: Worker\n")
                + "    interval: 15 seconds\n";

        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "burst-gitops.yaml:6: policies[0].name: must be lower-case letters, digits and '-' (it names a branch and a file)",
                        "burst-gitops.yaml:13: policies[0].interval: '15 seconds' is not a duration; write it like 500ms, 15s, 2m, 1h or 7d",
                        "burst-gitops.yaml:9: policies[0].exitBelow: must be a number, not 'ten'"));
    }

    @Test
    void checksThatTheWeightsOfAModeAddUpToOneHundred() {
        String text = MINIMAL + "      burst: { primary: 90, burst: 20 }\n";

        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class).hasMessage(
                "burst-gitops.yaml:13: policies[0].virtualService.burst: weights must be 0 to 100 and add up to 100 "
                        + "(primary 90 + burst 20 = 110)");
    }

    @Test
    void namesTheLineOfAYamlSyntaxError() {
        assertThatThrownBy(() -> parse("git:\n  url: [unclosed\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("burst-gitops.yaml:3: not valid YAML");
    }

    @Test
    void refusesCredentialsInTheUrl() {
        String text = MINIMAL.replace("file:///srv/fleet.git", "https://bot:hunter2@git.example.com/fleet.git");

        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("git.url: must not carry credentials")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void readsSecretsFromFilesRelativeToTheConfigAndFromTheEnvironment() throws Exception {
        Files.writeString(dir.resolve("token"), "t0ken\n");
        Files.writeString(dir.resolve("burst-gitops.yaml"), MINIMAL.replace("  url: file:///srv/fleet.git",
                "  url: file:///srv/fleet.git\n  auth: { username: bot, tokenFile: token }"));
        GitAuthConfig auth = ConfigLoader.load(dir.resolve("burst-gitops.yaml")).git().auth().orElseThrow();

        assertThat(auth.token().read().reveal()).isEqualTo("t0ken");
        assertThat(auth.token().read()).hasToString("****");
        assertThat(auth.resolveUsername()).isEqualTo("bot");
        assertThat(SecretRef.env("x.tokenEnv", "GIT_TOKEN").read(Map.of("GIT_TOKEN", "abc")).reveal()).isEqualTo("abc");
        assertThatThrownBy(() -> SecretRef.env("x.tokenEnv", "GIT_TOKEN").read(Map.of()))
                .hasMessage("x.tokenEnv: environment variable GIT_TOKEN is not set");
    }

    @Test
    void aMissingSecretFileIsNamedByItsKey() {
        SecretRef ref = SecretRef.file("git.auth.tokenFile", dir.resolve("absent"));

        assertThatThrownBy(ref::read).isInstanceOf(ConfigException.class)
                .hasMessage("git.auth.tokenFile: cannot read " + dir.resolve("absent") + " (NoSuchFileException)");
    }

    @Test
    void thePullRequestLifecycleDefaultsToDeletingTheBranchAndReproposingAfterAnHour() throws Exception {
        BurstGitopsConfig config = parse(MINIMAL.replace("  url: file:///srv/fleet.git", "  url: file:///srv/fleet.git\n"
                + "  pullRequest: { provider: gitea, apiUrl: 'http://127.0.0.1:3000', repository: acme/fleet, tokenEnv: T }"));

        PullRequestConfig pr = config.git().pullRequest().orElseThrow();
        assertThat(pr.deleteBranch()).isTrue();
        assertThat(pr.reproposeAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void thePullRequestLifecycleIsReadFromGitPullRequest() throws Exception {
        BurstGitopsConfig config = parse(MINIMAL.replace("  url: file:///srv/fleet.git", "  url: file:///srv/fleet.git\n"
                + "  pullRequest: { provider: gitea, apiUrl: 'http://127.0.0.1:3000', repository: acme/fleet, tokenEnv: T,"
                + " deleteBranch: false, reproposeAfter: 30m }"));

        PullRequestConfig pr = config.git().pullRequest().orElseThrow();
        assertThat(pr.deleteBranch()).isFalse();
        assertThat(pr.reproposeAfter()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aNegativeReproposeAfterIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> parse(MINIMAL.replace("  url: file:///srv/fleet.git", "  url: file:///srv/fleet.git\n"
                + "  pullRequest: { provider: gitea, apiUrl: 'http://127.0.0.1:3000', repository: acme/fleet, tokenEnv: T,"
                + " reproposeAfter: -5m }"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("git.pullRequest.reproposeAfter");
    }

    @Test
    void pullRequestModeNeedsAForge() {
        assertThatThrownBy(() -> parse(MINIMAL.replace("  url: file:///srv/fleet.git",
                "  url: file:///srv/fleet.git\n  writeMode: pull-request"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("git.writeMode: pull-request needs a git.pullRequest section");
    }

    @Test
    void aConfigWithoutPoliciesOrClustersIsValidForSyncOnlyOrDecideOnlyUse() throws Exception {
        BurstGitopsConfig config = parse("git: { url: 'file:///srv/fleet.git' }\n");

        assertThat(config.policies()).isEmpty();
        assertThat(config.clusters()).isEmpty();
        assertThat(config.prometheus()).isEqualTo(Optional.empty());
        assertThat(List.of(config.git().checkoutDir().toString())).allMatch(p -> p.contains("burst-gitops"));
    }

    @Test
    void aRepositoryPathMustBePlainBecauseGitWouldNotStageAnythingElse() {
        String text = MINIMAL.replace("file: apps/istio/worker-virtualservice.yaml",
                "file: ./apps/istio/worker-virtualservice.yaml");

        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class).hasMessage(
                "burst-gitops.yaml:11: policies[0].virtualService.file: must be a plain path relative to the "
                        + "repository root, like apps/istio/vs.yaml (no leading /, no ./ or ../, no //), not "
                        + "'./apps/istio/worker-virtualservice.yaml'");
        assertThatThrownBy(() -> parse(MINIMAL + "clusters:\n  - { name: p, path: clusters//p, kubeconfig: in-cluster }\n"))
                .hasMessageContaining("clusters[0].path: must be a plain path");
    }

    @Test
    void theScrapeIntervalDefaultsToIstiosFifteenSecondsAndTakesADuration() throws Exception {
        assertThat(parse(MINIMAL).prometheus()).hasValueSatisfying(prometheus ->
                assertThat(prometheus.scrapeInterval()).isEqualTo(Duration.ofSeconds(15)));

        String text = MINIMAL.replace("  url: http://127.0.0.1:9090", "  url: http://127.0.0.1:9090\n  scrapeInterval: 1m30s");
        assertThat(parse(text).prometheus()).hasValueSatisfying(prometheus ->
                assertThat(prometheus.scrapeInterval()).isEqualTo(Duration.ofSeconds(90)));
    }

    @Test
    void aScrapeIntervalThatIsNoDurationIsReportedWithItsKeyPathAndLine() {
        String text = MINIMAL.replace("  url: http://127.0.0.1:9090", "  url: http://127.0.0.1:9090\n  scrapeInterval: 15");

        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class).hasMessage(
                "burst-gitops.yaml:5: prometheus.scrapeInterval: '15' is not a duration; write it like 500ms, 15s, 2m, 1h or 7d");
    }

    @Test
    void aScrapeIntervalOfZeroIsRefusedBecauseNothingWouldEverBeScraped() {
        String text = MINIMAL.replace("  url: http://127.0.0.1:9090", "  url: http://127.0.0.1:9090\n  scrapeInterval: 0s");

        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigException.class)
                .hasMessage("burst-gitops.yaml:5: prometheus.scrapeInterval: must be longer than 0s");
    }

    private BurstGitopsConfig parse(String text) throws ConfigException {
        return ConfigLoader.parse(text, "burst-gitops.yaml", dir);
    }
}

package dev.burstgitops.gitops;

import static dev.burstgitops.gitops.PullRequestPublisherTest.BURST;
import static dev.burstgitops.gitops.PullRequestPublisherTest.HALF;
import static dev.burstgitops.gitops.PullRequestPublisherTest.IDENTITY;
import static dev.burstgitops.gitops.PullRequestPublisherTest.NATURAL;
import static dev.burstgitops.gitops.PullRequestPublisherTest.SIDE;
import static dev.burstgitops.gitops.PullRequestPublisherTest.WEIGHTS;
import static dev.burstgitops.gitops.PullRequestPublisherTest.burst;
import static dev.burstgitops.gitops.PullRequestPublisherTest.decision;
import static dev.burstgitops.gitops.PullRequestPublisherTest.wants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burstgitops.gitops.forge.AutoMerge;
import dev.burstgitops.gitops.forge.ForgeRetry;
import dev.burstgitops.gitops.forge.ProposalMarker;
import dev.burstgitops.gitops.forge.PullRequestOutcome;
import dev.burstgitops.gitops.forge.PullRequestProviders;
import dev.burstgitops.gitops.forge.PullRequestSync;
import dev.burstgitops.testing.CapturedLogs;
import dev.burstgitops.testing.GitCli;
import dev.burstgitops.testing.GiteaServer;
import dev.burstgitops.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull-request mode against a real Gitea (built by bin/install-peers): the controller pushes its
 * side branch over smart HTTP with a token and keeps its pull request through Gitea's API; the
 * people's part (merging, closing, committing to main) is done through the same API and git.
 */
class PullRequestsOnGiteaTest {

    private static final GiteaServer GITEA = GiteaServer.shared();

    @TempDir
    Path tmp;
    String repo;
    // Gitea stamps closed_at with its own clock, so the controller's clock starts from the real time.
    final MutableClock clock = new MutableClock(Instant.now());
    final List<JGitWorkspace> workspaces = new ArrayList<>();

    @BeforeEach
    void createRepository() {
        repo = GITEA.createRepository("fleet", Map.of(WEIGHTS, NATURAL));
    }

    @AfterEach
    void closeWorkspaces() {
        workspaces.forEach(JGitWorkspace::close);
    }

    @Test
    void opensOnePullRequestAndUpdatesItWhenTheDecisionChanges() throws Exception {
        PullRequestPublisher publisher = controller("checkout", false);

        PublishResult first = publisher.publish(burst("17.2"));
        PublishResult second = publisher.publish(wants(HALF, decision("natural", "half", "16.0")));

        assertThat(first).isInstanceOfSatisfying(PublishResult.Proposed.class,
                proposed -> assertThat(proposed.pullRequest()).isInstanceOf(PullRequestOutcome.Opened.class));
        assertThat(second).isInstanceOfSatisfying(PublishResult.Proposed.class,
                proposed -> assertThat(proposed.pullRequest()).isInstanceOf(PullRequestOutcome.Updated.class));
        JsonNode open = pulls("open");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("title").asText()).isEqualTo("burst(worker): natural -> half at 16.0 req/s");
        assertThat(open.get(0).path("head").path("ref").asText()).isEqualTo(SIDE);
        assertThat(open.get(0).path("base").path("ref").asText()).isEqualTo("main");
        assertThat(fileOn(SIDE)).isEqualTo(HALF);
        assertThat(fileOn("main")).isEqualTo(NATURAL);
    }

    @Test
    void aPassWhileThePullRequestWaitsMakesNoForgeWrite() throws Exception {
        PullRequestPublisher publisher = controller("checkout", false);
        PublishResult opened = publisher.publish(burst("17.2"));

        PublishResult again = publisher.publish(burst("17.9"));

        assertThat(again).isInstanceOfSatisfying(PublishResult.Proposed.class, proposed -> {
            assertThat(proposed.pushed()).isFalse();
            assertThat(proposed.commitId()).isEqualTo(((PublishResult.Proposed) opened).commitId());
            assertThat(proposed.pullRequest()).isInstanceOf(PullRequestOutcome.Unchanged.class);
        });
        assertThat(pulls("all")).hasSize(1);
    }

    @Test
    void closesThePullRequestWithACommentAndDeletesTheBranchOnceMainAlreadyHoldsTheWeights() throws Exception {
        PullRequestPublisher publisher = controller("checkout", false);
        publisher.publish(burst("17.2"));
        int number = pulls("open").get(0).path("number").asInt();
        String mainHead = commitToMain(BURST);

        PublishResult result = publisher.publish(burst("17.4"));

        assertThat(result).isEqualTo(new PublishResult.NothingToDo(mainHead));
        JsonNode pull = GITEA.read("/repos/" + GITEA.repository(repo) + "/pulls/" + number);
        assertThat(pull.path("state").asText()).isEqualTo("closed");
        assertThat(pull.path("merged").asBoolean()).isFalse();
        assertThat(ProposalMarker.keyOf(pull.path("body").asText())).as("closed by the controller, not turned down").isEmpty();
        JsonNode comments = GITEA.read("/repos/" + GITEA.repository(repo) + "/issues/" + number + "/comments");
        assertThat(comments).anySatisfy(comment ->
                assertThat(comment.path("body").asText()).contains("already holds what this pull request proposed"));
        assertThat(branches()).containsExactly("main");
    }

    @Test
    void aMergeByAPersonInGiteaLeavesTheNextPassNothingToDoAndTheBranchIsDeleted() throws Exception {
        PullRequestPublisher publisher = controller("checkout", false);
        publisher.publish(burst("17.2"));
        int number = pulls("open").get(0).path("number").asInt();
        mergeAsPerson(number);

        PublishResult result = publisher.publish(burst("17.9"));

        String mainHead = GITEA.read("/repos/" + GITEA.repository(repo) + "/branches/main").path("commit").path("id").asText();
        assertThat(result).isEqualTo(new PublishResult.NothingToDo(mainHead));
        assertThat(fileOn("main")).isEqualTo(BURST);
        assertThat(branches()).containsExactly("main");
        assertThat(pulls("open")).isEmpty();
    }

    @Test
    void autoMergeLetsGiteaMergeThePullRequestItself() throws Exception {
        PullRequestPublisher publisher = controller("checkout", true);

        PublishResult result = publisher.publish(burst("17.2"));

        assertThat(result).isInstanceOfSatisfying(PublishResult.Proposed.class, proposed ->
                assertThat(proposed.pullRequest()).isInstanceOfSatisfying(PullRequestOutcome.Opened.class,
                        opened -> assertThat(opened.autoMerge()).isEqualTo(AutoMerge.enabled())));
        await("Gitea merges the pull request").atMost(Duration.ofSeconds(60))
                .until(() -> pulls("closed").size() == 1 && pulls("closed").get(0).path("merged").asBoolean());
        assertThat(fileOn("main")).isEqualTo(BURST);
        String mainHead = GITEA.read("/repos/" + GITEA.repository(repo) + "/branches/main").path("commit").path("id").asText();
        assertThat(publisher.publish(burst("17.9"))).isEqualTo(new PublishResult.NothingToDo(mainHead));
        assertThat(branches()).containsExactly("main");
    }

    @Test
    void aProposalAPersonClosedIsNotMadeAgainEvenByARestartedControllerUntilReproposeAfter() throws Exception {
        PullRequestPublisher publisher = controller("checkout", false);
        publisher.publish(burst("17.2"));
        int number = pulls("open").get(0).path("number").asInt();
        closeAsPerson(number);
        clock.advance(Duration.ofMinutes(2));

        PublishResult noticed = publisher.publish(burst("17.6"));
        PublishResult afterRestart = controller("restarted", false).publish(burst("17.9"));

        for (PublishResult held : List.of(noticed, afterRestart)) {
            assertThat(held).isInstanceOfSatisfying(PublishResult.Proposed.class, proposed -> {
                assertThat(proposed.pushed()).isFalse();
                assertThat(proposed.pullRequest()).isInstanceOfSatisfying(PullRequestOutcome.TurnedDown.class,
                        turnedDown -> assertThat(turnedDown.closed().pullRequest().id()).isEqualTo(Integer.toString(number)));
            });
        }
        assertThat(pulls("open")).isEmpty();
        assertThat(branches()).as("the closed proposal's branch is deleted and not pushed again").containsExactly("main");

        clock.advance(Duration.ofHours(1));
        PublishResult later = controller("later", false).publish(burst("18.1"));

        assertThat(later).isInstanceOfSatisfying(PublishResult.Proposed.class,
                proposed -> assertThat(proposed.pullRequest()).isInstanceOf(PullRequestOutcome.Opened.class));
        assertThat(pulls("open")).singleElement().satisfies(pull ->
                assertThat(pull.path("number").asInt()).isNotEqualTo(number));
    }

    @Test
    void aProposalAPersonJustClosedIsNotOpenedAgainWhenMainMovesWithinTheMinute() throws Exception {
        PullRequestPublisher publisher = controller("checkout", false);
        publisher.publish(burst("17.2"));
        int number = pulls("open").get(0).path("number").asInt();
        closeAsPerson(number);
        commitToMain("README.md", "unrelated\n");
        clock.advance(Duration.ofSeconds(10));

        PublishResult onNewBase = publisher.publish(burst("17.6"));
        PublishResult next = publisher.publish(burst("17.9"));

        for (PublishResult held : List.of(onNewBase, next)) {
            assertThat(held).isInstanceOfSatisfying(PublishResult.Proposed.class, proposed ->
                    assertThat(proposed.pullRequest()).isInstanceOfSatisfying(PullRequestOutcome.TurnedDown.class,
                            turnedDown -> assertThat(turnedDown.closed().pullRequest().id())
                                    .isEqualTo(Integer.toString(number))));
        }
        assertThat(pulls("all")).as("no new pull request for the turned-down proposal").hasSize(1);
        assertThat(branches()).as("the branch pushed on the new base is deleted again").containsExactly("main");
    }

    @Test
    void aChangedProposalIsMadeAtOnceAfterAPersonClosedTheEarlierOne() throws Exception {
        PullRequestPublisher publisher = controller("checkout", false);
        publisher.publish(burst("17.2"));
        closeAsPerson(pulls("open").get(0).path("number").asInt());

        PublishResult changed = controller("restarted", false).publish(wants(HALF, decision("natural", "half", "16.0")));

        assertThat(changed).isInstanceOfSatisfying(PublishResult.Proposed.class,
                proposed -> assertThat(proposed.pullRequest()).isInstanceOf(PullRequestOutcome.Opened.class));
        assertThat(fileOn(SIDE)).isEqualTo(HALF);
    }

    @Test
    void withDeleteBranchOffTheMergedBranchStays() throws Exception {
        PullRequestPublisher publisher = controller("checkout", false, new PullRequestLifecycle(false, Duration.ofHours(1)));
        publisher.publish(burst("17.2"));
        mergeAsPerson(pulls("open").get(0).path("number").asInt());

        publisher.publish(burst("17.9"));

        assertThat(branches()).containsExactlyInAnyOrder("main", SIDE);
    }

    @Test
    void neitherTokenAppearsInTheLogs() throws Exception {
        try (CapturedLogs logs = CapturedLogs.capture()) {
            PullRequestPublisher publisher = controller("checkout", false);
            publisher.publish(burst("17.2"));
            closeAsPerson(pulls("open").get(0).path("number").asInt());
            clock.advance(Duration.ofMinutes(2));
            publisher.publish(burst("17.6"));

            assertThat(logs.lines()).anyMatch(line -> line.contains("opened pull request"))
                    .noneMatch(line -> line.contains(GITEA.controllerToken().reveal()))
                    .noneMatch(line -> line.contains(GITEA.personToken().reveal()));
        }
    }

    private PullRequestPublisher controller(String checkout, boolean autoMerge) {
        return controller(checkout, autoMerge, PullRequestLifecycle.defaults());
    }

    /** A controller with a checkout of its own: a second one with the same clock is a restart. */
    private PullRequestPublisher controller(String checkout, boolean autoMerge, PullRequestLifecycle lifecycle) {
        GitCredentials credentials = new GitCredentials(GiteaServer.CONTROLLER, GITEA.controllerToken());
        JGitWorkspace workspace = new JGitWorkspace(new GitRemote(GITEA.cloneUrl(repo), "main", tmp.resolve(checkout),
                Optional.of(credentials)), IDENTITY, clock);
        workspaces.add(workspace);
        PullRequestSync sync = new PullRequestSync(PullRequestProviders.create("gitea", GITEA.apiUrl(),
                GITEA.repository(repo), GITEA.controllerToken(), autoMerge, ForgeRetry.none(), clock));
        return new PullRequestPublisher(workspace, "worker", sync, PublishRetry.immediately(3), lifecycle);
    }

    private JsonNode pulls(String state) {
        return GITEA.read("/repos/" + GITEA.repository(repo) + "/pulls?state=" + state);
    }

    private List<String> branches() {
        List<String> names = new ArrayList<>();
        GITEA.read("/repos/" + GITEA.repository(repo) + "/branches").forEach(branch -> names.add(branch.path("name").asText()));
        return names;
    }

    private String fileOn(String branch) throws IOException {
        Path clone = tmp.resolve("read-" + branch.replace('/', '-') + "-" + System.nanoTime());
        GitCli.run(tmp, GITEA.gitEnvironment(), "clone", "--quiet", "--branch", branch, GITEA.cloneUrl(repo).toString(),
                clone.toString());
        return Files.readString(clone.resolve(WEIGHTS));
    }

    /** Someone commits the weights to main directly, outside any pull request. */
    private String commitToMain(String weights) throws IOException {
        return commitToMain(WEIGHTS, weights);
    }

    private String commitToMain(String file, String content) throws IOException {
        Path clone = tmp.resolve("someone-" + System.nanoTime());
        GitCli.run(tmp, GITEA.gitEnvironment(), "clone", "--quiet", GITEA.cloneUrl(repo).toString(), clone.toString());
        Files.writeString(clone.resolve(file), content);
        GitCli.run(clone, "add", file);
        GitCli.run(clone, Map.of("GIT_AUTHOR_NAME", "Alice", "GIT_AUTHOR_EMAIL", "alice@example.com",
                "GIT_COMMITTER_NAME", "Alice", "GIT_COMMITTER_EMAIL", "alice@example.com"), "commit", "--quiet", "-am", "by hand");
        GitCli.run(clone, GITEA.gitEnvironment(), "push", "--quiet", "origin", "main");
        return GitCli.run(clone, "rev-parse", "HEAD").strip();
    }

    private void mergeAsPerson(int number) {
        // A fresh pull request is checked for conflicts in the background: merge once Gitea says it can.
        await("pull request " + number + " mergeable").atMost(Duration.ofSeconds(60)).until(() ->
                GITEA.read("/repos/" + GITEA.repository(repo) + "/pulls/" + number).path("mergeable").asBoolean());
        GITEA.asPerson("POST", "/repos/" + GITEA.repository(repo) + "/pulls/" + number + "/merge", Map.of("Do", "merge"));
    }

    private void closeAsPerson(int number) {
        GITEA.asPerson("PATCH", "/repos/" + GITEA.repository(repo) + "/pulls/" + number, Map.of("state", "closed"));
    }
}

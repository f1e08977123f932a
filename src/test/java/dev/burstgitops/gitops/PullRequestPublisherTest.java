package dev.burstgitops.gitops;

import dev.burstgitops.testing.CapturedLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.burstgitops.gitops.forge.PullRequestOutcome;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitCli;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import dev.burstgitops.testing.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull-request mode against a real bare remote, read back with the git command line, and a
 * GitHub stand-in that keeps its pull requests across passes.
 */
class PullRequestPublisherTest {

    static final String WEIGHTS = "apps/istio/worker-virtualservice.yaml";
    static final String NATURAL = "primary: 100\nburst: 0\n";
    static final String BURST = "primary: 0\nburst: 100\n";
    static final String HALF = "primary: 50\nburst: 50\n";
    static final String SIDE = "burst-gitops/worker";
    static final CommitIdentity IDENTITY = new CommitIdentity("burst-gitops", "burst-gitops@example.com");
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    @TempDir
    Path tmp;
    Path bare;
    JGitWorkspace workspace;
    PullRequestTestForge forge;
    PullRequestPublisher publisher;
    final List<JGitWorkspace> restartedWorkspaces = new java.util.ArrayList<>();

    @BeforeEach
    void createRemoteAndForge() {
        bare = GitRemotes.createBare(tmp.resolve("fleet.git"), Map.of(WEIGHTS, NATURAL));
        // A forge protects the base branch, not the controller's own branches. JGit pushes to a
        // file remote in-process, where no hook can protect main alone, so the tests read main's
        // log instead (PullRequestOverHttpTest has the hook).
        GitCli.run(bare, "config", "receive.denyNonFastForwards", "false");
        workspace = new JGitWorkspace(GitRemote.anonymous(bare.toUri(), GitRemotes.BRANCH, tmp.resolve("checkout")),
                IDENTITY, Clock.fixed(NOW, ZoneOffset.UTC));
        forge = new PullRequestTestForge();
        publisher = new PullRequestPublisher(workspace, "worker", forge.sync(), PublishRetry.immediately(3));
    }

    @AfterEach
    void close() throws IOException {
        restartedWorkspaces.forEach(JGitWorkspace::close);
        workspace.close();
        forge.close();
    }

    /** Like the burst loop's decision: write the weights, or nothing when the base already holds them. */
    static TreeChange<IOException> wants(String weights, CommitMessage message) {
        return tree -> {
            Path file = tree.directory().resolve(WEIGHTS);
            if (Files.readString(file).equals(weights)) {
                return Optional.empty();
            }
            Files.writeString(file, weights);
            return Optional.of(CommitRequest.of(message, WEIGHTS));
        };
    }

    static CommitMessage decision(String from, String to, String rate) {
        return CommitMessage.of("burst(worker): " + from + " -> " + to + " at " + rate + " req/s")
                .withBody("The request rate crossed a threshold.")
                .withTrailer("Burst-Policy", "worker")
                .withTrailer("Burst-Decision", to);
    }

    static TreeChange<IOException> burst(String rate) {
        return wants(BURST, decision("natural", "burst", rate));
    }

    @Test
    void aDecisionOpensOnePullRequestFromTheSideBranchIntoMainAndLeavesMainUntouched() throws Exception {
        List<GitLoggedCommit> mainBefore = GitRemotes.log(bare);

        PublishResult result = publisher.publish(burst("17.2"));

        List<GitLoggedCommit> side = GitRemotes.log(bare, SIDE);
        assertThat(GitRemotes.log(bare)).isEqualTo(mainBefore);
        assertThat(GitRemotes.show(bare, WEIGHTS)).isEqualTo(NATURAL);
        assertThat(side).hasSize(2);
        assertThat(side.get(0).parents()).containsExactly(mainBefore.get(0).id());
        assertThat(side.get(0).committerName()).isEqualTo("burst-gitops");
        assertThat(side.get(0).committerTime()).isEqualTo(NOW);
        assertThat(GitRemotes.show(bare, SIDE, WEIGHTS)).isEqualTo(BURST);
        assertThat(result).isInstanceOfSatisfying(PublishResult.Proposed.class, proposed -> {
            assertThat(proposed.commitId()).isEqualTo(side.get(0).id());
            assertThat(proposed.attempts()).isEqualTo(1);
            assertThat(proposed.pushed()).isTrue();
            assertThat(proposed.pullRequest()).isInstanceOf(PullRequestOutcome.Opened.class);
        });
        assertThat(forge.open()).singleElement().satisfies(pull -> {
            assertThat(pull.head()).isEqualTo(SIDE);
            assertThat(pull.base()).isEqualTo("main");
            assertThat(pull.title()).isEqualTo("burst(worker): natural -> burst at 17.2 req/s");
            assertThat(pull.body()).matches(
                    "The request rate crossed a threshold.\n\nBurst-Policy: worker\nBurst-Decision: burst"
                            + "\n\n<!-- burst-gitops proposal [0-9a-f]{16} -->");
        });
        assertCheckoutIsOnMainAt(mainBefore.get(0).id());
    }

    @Test
    void aSecondPassWithTheSameDecisionPushesNothingAndCallsNoForge() throws Exception {
        PublishResult first = publisher.publish(burst("17.2"));
        List<GitLoggedCommit> side = GitRemotes.log(bare, SIDE);
        int callsAfterFirst = forge.calls().size();

        // The rate differs on every poll; the proposal does not.
        PublishResult second = publisher.publish(burst("18.9"));

        assertThat(GitRemotes.log(bare, SIDE)).isEqualTo(side);
        assertThat(forge.calls()).hasSize(callsAfterFirst);
        assertThat(second).isInstanceOfSatisfying(PublishResult.Proposed.class, proposed -> {
            assertThat(proposed.commitId()).isEqualTo(((PublishResult.Proposed) first).commitId());
            assertThat(proposed.pushed()).isFalse();
            assertThat(proposed.pullRequest()).isInstanceOf(PullRequestOutcome.Unchanged.class);
        });
        assertThat(forge.open()).singleElement()
                .extracting(PullRequestTestForge.Pull::title).asString().contains("17.2");
    }

    @Test
    void aProposalAPersonClosedOnGithubIsHeldBackAfterARestartUntilReproposeAfter() throws Exception {
        publisher.publish(burst("17.2"));
        forge.closeUnmerged(42);
        List<String> writes = forge.writes();

        PublishResult held = restarted(Clock.fixed(NOW.plus(Duration.ofMinutes(59)), ZoneOffset.UTC)).publish(burst("17.9"));
        PublishResult later = restarted(Clock.fixed(NOW.plus(Duration.ofMinutes(61)), ZoneOffset.UTC)).publish(burst("18.1"));

        assertThat(held).isInstanceOfSatisfying(PublishResult.Proposed.class, proposed -> {
            assertThat(proposed.pushed()).isFalse();
            assertThat(proposed.pullRequest()).isInstanceOfSatisfying(PullRequestOutcome.TurnedDown.class, turnedDown ->
                    assertThat(turnedDown.reproposeAt()).isEqualTo(PullRequestTestForge.CLOSED_AT.plus(Duration.ofHours(1))));
        });
        assertThat(later).isInstanceOfSatisfying(PublishResult.Proposed.class,
                proposed -> assertThat(proposed.pullRequest()).isInstanceOf(PullRequestOutcome.Opened.class));
        assertThat(forge.writes().subList(writes.size(), forge.writes().size()))
                .as("nothing while held back, one pull request after").containsExactly("POST /repos/acme/fleet/pulls");
    }

    @Test
    void aPullRequestAPersonReopensWhileTheRefusalIsRememberedKeepsItsBranchAndIsFoundWithinAMinute() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        PullRequestPublisher controller = restarted(clock);
        String proposal = ((PublishResult.Proposed) controller.publish(burst("17.2"))).commitId();
        forge.closeUnmerged(42);
        clock.advance(Duration.ofMinutes(2));
        controller.publish(burst("17.4"));
        assertThat(GitCli.run(bare, "branch", "--list", SIDE)).as("deleted once the forge said closed").isBlank();
        // GitHub's "Restore branch", then "Reopen pull request".
        GitCli.run(bare, "update-ref", "refs/heads/" + SIDE, proposal);
        forge.reopen(42);

        clock.advance(Duration.ofSeconds(5));
        PublishResult remembered = controller.publish(burst("17.6"));
        clock.advance(Duration.ofMinutes(1));
        PublishResult askedAgain = controller.publish(burst("17.9"));

        assertThat(remembered).isInstanceOfSatisfying(PublishResult.Proposed.class, proposed ->
                assertThat(proposed.pullRequest()).isInstanceOf(PullRequestOutcome.TurnedDown.class));
        assertThat(askedAgain).isInstanceOfSatisfying(PublishResult.Proposed.class, proposed -> {
            assertThat(proposed.commitId()).isEqualTo(proposal);
            assertThat(proposed.pushed()).isFalse();
            assertThat(proposed.pullRequest()).isNotInstanceOf(PullRequestOutcome.TurnedDown.class)
                    .isNotInstanceOf(PullRequestOutcome.Opened.class);
        });
        assertThat(GitRemotes.log(bare, SIDE).get(0).id()).as("the reopened pull request's branch is kept").isEqualTo(proposal);
        assertThat(forge.open()).singleElement().extracting(PullRequestTestForge.Pull::number).isEqualTo(42);
    }

    private PullRequestPublisher restarted(Clock clock) {
        JGitWorkspace fresh = new JGitWorkspace(GitRemote.anonymous(bare.toUri(), GitRemotes.BRANCH,
                tmp.resolve("checkout-" + clock.instant().getEpochSecond())), IDENTITY, clock);
        restartedWorkspaces.add(fresh);
        return new PullRequestPublisher(fresh, "worker", forge.sync(), PublishRetry.immediately(3));
    }

    @Test
    void aNewPublisherAfterARestartFindsTheProposalAndWritesNothing() throws Exception {
        publisher.publish(burst("17.2"));
        List<GitLoggedCommit> side = GitRemotes.log(bare, SIDE);
        List<String> writes = forge.writes();

        PublishResult result = new PullRequestPublisher(workspace, "worker", forge.sync(), PublishRetry.immediately(3))
                .publish(burst("18.9"));

        assertThat(GitRemotes.log(bare, SIDE)).isEqualTo(side);
        assertThat(forge.writes()).isEqualTo(writes);
        assertThat(((PublishResult.Proposed) result).pullRequest()).isInstanceOf(PullRequestOutcome.Unchanged.class);
    }

    @Test
    void aDifferentProposalIsForcePushedWithALeaseAndUpdatesTheSamePullRequest() throws Exception {
        String mainHead = GitRemotes.log(bare).get(0).id();
        publisher.publish(burst("17.2"));
        String firstProposal = GitRemotes.log(bare, SIDE).get(0).id();

        PublishResult result = publisher.publish(wants(HALF, decision("natural", "half", "16.0")));

        List<GitLoggedCommit> side = GitRemotes.log(bare, SIDE);
        assertThat(side).hasSize(2).extracting(GitLoggedCommit::id).doesNotContain(firstProposal);
        assertThat(side.get(0).parents()).containsExactly(mainHead);
        assertThat(GitRemotes.show(bare, SIDE, WEIGHTS)).isEqualTo(HALF);
        assertThat(((PublishResult.Proposed) result).pullRequest()).isInstanceOf(PullRequestOutcome.Updated.class);
        assertThat(forge.open()).singleElement().satisfies(pull -> {
            assertThat(pull.number()).isEqualTo(42);
            assertThat(pull.title()).isEqualTo("burst(worker): natural -> half at 16.0 req/s");
        });
        assertThat(forge.writes()).containsExactly("POST /repos/acme/fleet/pulls", "PATCH /repos/acme/fleet/pulls/42");
        assertThat(GitRemotes.log(bare)).extracting(GitLoggedCommit::id).containsExactly(mainHead);
    }

    @Test
    void aCommitAPersonPushesToMainMovesTheProposalOnTopOfIt() throws Exception {
        publisher.publish(burst("17.2"));
        String theirs = GitClient.clone(bare.toString(), tmp.resolve("alice"), "main")
                .write("README.md", "fleet\n").commitAndPush(GitAuthor.ALICE, "docs: say what this is");

        publisher.publish(burst("17.2"));

        GitLoggedCommit proposal = GitRemotes.log(bare, SIDE).get(0);
        assertThat(proposal.parents()).containsExactly(theirs);
        assertThat(GitRemotes.show(bare, SIDE, "README.md")).isEqualTo("fleet\n");
        assertThat(GitRemotes.log(bare).get(0).id()).isEqualTo(theirs);
        assertThat(forge.open()).hasSize(1);
    }

    @Test
    void onceAPersonMergedThePullRequestTheSameDecisionClosesNothing() throws Exception {
        publisher.publish(burst("17.2"));
        GitClient alice = GitClient.clone(bare.toString(), tmp.resolve("alice"), "main");
        alice.git("merge", "--quiet", "--ff-only", "origin/" + SIDE);
        alice.push();
        forge.merge(42);
        List<String> writes = forge.writes();

        PublishResult afterMerge = publisher.publish(burst("17.4"));
        int callsAfterMerge = forge.calls().size();
        PublishResult later = publisher.publish(burst("17.6"));

        String mainHead = GitRemotes.log(bare).get(0).id();
        assertThat(GitRemotes.branches(bare)).as("the merged side branch is deleted").doesNotContain(SIDE);
        assertThat(afterMerge).isEqualTo(new PublishResult.NothingToDo(mainHead));
        assertThat(later).isEqualTo(new PublishResult.NothingToDo(mainHead));
        assertThat(forge.writes()).as("no close, no comment").isEqualTo(writes);
        assertThat(forge.calls()).as("once nothing is open, passes leave the forge alone").hasSize(callsAfterMerge);
        assertThat(forge.pull(42).comments()).isEmpty();
    }

    @Test
    void whenTheDecisionFlipsBackToWhatMainHoldsTheOpenPullRequestIsClosedWithAComment() throws Exception {
        String mainHead = GitRemotes.log(bare).get(0).id();
        publisher.publish(burst("17.2"));

        PublishResult result = publisher.publish(wants(NATURAL, decision("burst", "natural", "8.1")));

        assertThat(result).isEqualTo(new PublishResult.NothingToDo(mainHead));
        assertThat(forge.open()).isEmpty();
        assertThat(forge.pull(42).comments()).containsExactly("`main` at " + mainHead.substring(0, 7)
                + " already holds what this pull request proposed, so burst-gitops closes it.");
        assertThat(GitRemotes.log(bare)).extracting(GitLoggedCommit::id).containsExactly(mainHead);
    }

    @Test
    void aCommitRequestThatChangesNothingOnMainIsNothingToDoAndClosesTheProposal() throws Exception {
        String mainHead = GitRemotes.log(bare).get(0).id();
        publisher.publish(burst("17.2"));

        PublishResult result = publisher.publish(tree -> {
            Files.writeString(tree.directory().resolve(WEIGHTS), NATURAL);
            return Optional.of(CommitRequest.of(decision("burst", "natural", "8.1"), WEIGHTS));
        });

        assertThat(result).isEqualTo(new PublishResult.NothingToDo(mainHead));
        assertThat(forge.open()).isEmpty();
    }

    @Test
    void someoneMovingTheSideBranchMeanwhileFailsTheLeaseAndTheirCommitIsNeverOverwritten() throws Exception {
        publisher.publish(burst("17.2"));
        AtomicInteger attempts = new AtomicInteger();
        TreeChange<IOException> half = wants(HALF, decision("natural", "half", "16.0"));
        String[] theirs = new String[2];

        GitException refused;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            refused = catchThrowableOfType(GitException.class, () -> publisher.publish(tree -> {
                if (attempts.incrementAndGet() == 1) {
                    theirs[0] = GitClient.clone(bare.toString(), tmp.resolve("bob-side"), SIDE)
                            .write("notes.txt", "bob was here\n").commitAndPush(GitAuthor.ALICE, "side: a note");
                    theirs[1] = GitClient.clone(bare.toString(), tmp.resolve("bob-main"), "main")
                            .write("README.md", "fleet\n").commitAndPush(GitAuthor.ALICE, "docs: say what this is");
                }
                return half.apply(tree);
            }));
            assertThat(logs.linesAt(Level.WARN)).singleElement().asString()
                    .contains("push of " + SIDE + " refused", "moved since we fetched it", "attempt 2 of 3");
        }

        // The lease caught the move; on the new head the branch holds a person's commit, which a
        // new proposal would replace: the pass refuses instead, saying what to do.
        assertThat(attempts).hasValue(2);
        assertThat(refused).hasMessageContaining(SIDE + " holds " + theirs[0].substring(0, 7) + " by Alice")
                .hasMessageContaining("not overwriting it");
        assertThat(GitRemotes.log(bare, SIDE).get(0).id()).isEqualTo(theirs[0]);
        assertThat(GitRemotes.log(bare)).extracting(GitLoggedCommit::id).startsWith(theirs[1]).hasSize(2);
        assertThat(GitRemotes.show(bare, SIDE, WEIGHTS)).isEqualTo(BURST);
    }

    @Test
    void aSideBranchSomeoneElseCreatedFirstIsNotTakenOver() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        TreeChange<IOException> burst = burst("17.2");

        GitException refused;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            refused = catchThrowableOfType(GitException.class, () -> publisher.publish(tree -> {
                if (attempts.incrementAndGet() == 1) {
                    GitClient bob = GitClient.clone(bare.toString(), tmp.resolve("bob"), "main");
                    bob.git("checkout", "--quiet", "-b", SIDE);
                    bob.write("notes.txt", "mine\n").commit(GitAuthor.ALICE, "side: take the name");
                    bob.git("push", "--quiet", "origin", "HEAD:refs/heads/" + SIDE);
                }
                return burst.apply(tree);
            }));
            assertThat(logs.linesAt(Level.WARN)).singleElement().asString()
                    .contains(SIDE + " was created by someone else since we fetched");
        }

        assertThat(attempts).hasValue(2);
        assertThat(refused).hasMessageContaining("not the controller's own proposal");
        assertThat(GitRemotes.show(bare, SIDE, "notes.txt")).isEqualTo("mine\n");
    }

    @Test
    void theCheckoutIsBackOnMainEvenWhenTheChangeFails() throws Exception {
        String mainHead = GitRemotes.log(bare).get(0).id();

        IOException failure = catchThrowableOfType(IOException.class, () -> publisher.publish(tree -> {
            Files.writeString(tree.directory().resolve(WEIGHTS), BURST);
            Files.writeString(tree.directory().resolve("stray.txt"), "half-made\n");
            throw new IOException("manifest is broken");
        }));

        assertThat(failure).hasMessage("manifest is broken");
        assertCheckoutIsOnMainAt(mainHead);
        assertThat(GitCli.run(bare, "branch", "--list", SIDE)).isBlank();
    }

    @Test
    void aForgeThatCannotBeReadBeforeTheProposalMeansNothingIsPushed() throws Exception {
        forge.failWith(401);

        PullRequestException failure = catchThrowableOfType(PullRequestException.class,
                () -> publisher.publish(burst("17.2")));

        // Whether a person turned this proposal down is unknown: pushing it could bring it back.
        assertThat(failure).hasMessageContaining("closed by a person").hasMessageContaining("HTTP 401");
        assertThat(stackTraceOf(failure)).doesNotContain(PullRequestTestForge.TOKEN.reveal());
        assertThat(GitRemotes.branches(bare)).containsExactly("main");
        assertCheckoutIsOnMainAt(GitRemotes.log(bare).get(0).id());
    }

    @Test
    void aForgeFailureKeepsThePushedBranchForTheNextPassAndNamesNoToken() throws Exception {
        forge.failWritesWith(401);

        PullRequestException failure = catchThrowableOfType(PullRequestException.class,
                () -> publisher.publish(burst("17.2")));

        String proposal = GitRemotes.log(bare, SIDE).get(0).id();
        assertThat(failure).isInstanceOf(GitException.class)
                .hasMessageStartingWith("proposed " + proposal.substring(0, 7) + " on " + SIDE)
                .hasMessageContaining("HTTP 401");
        assertThat(stackTraceOf(failure)).doesNotContain(PullRequestTestForge.TOKEN.reveal());
        assertCheckoutIsOnMainAt(GitRemotes.log(bare).get(0).id());

        forge.recover();
        PublishResult retried = publisher.publish(burst("17.2"));

        assertThat(GitRemotes.log(bare, SIDE).get(0).id()).isEqualTo(proposal);
        assertThat(retried).isEqualTo(new PublishResult.Proposed(proposal, 1, false,
                ((PublishResult.Proposed) retried).pullRequest()));
        assertThat(forge.open()).hasSize(1);
    }

    @Test
    void aForgeFailureWhileClosingIsRetriedOnTheNextPass() throws Exception {
        publisher.publish(burst("17.2"));
        forge.failWith(401);

        PullRequestException failure = catchThrowableOfType(PullRequestException.class,
                () -> publisher.publish(wants(NATURAL, decision("burst", "natural", "8.1"))));
        forge.recover();
        publisher.publish(wants(NATURAL, decision("burst", "natural", "8.1")));

        assertThat(failure).hasMessageStartingWith("cannot close the pull request from " + SIDE + " into main");
        assertThat(stackTraceOf(failure)).doesNotContain(PullRequestTestForge.TOKEN.reveal());
        assertThat(forge.open()).isEmpty();
    }

    private void assertCheckoutIsOnMainAt(String head) {
        Path checkout = tmp.resolve("checkout");
        assertThat(GitCli.run(checkout, "symbolic-ref", "HEAD").strip()).isEqualTo("refs/heads/main");
        assertThat(GitCli.run(checkout, "rev-parse", "HEAD").strip()).isEqualTo(head);
        assertThat(GitCli.run(checkout, "status", "--porcelain", "--untracked-files=all")).isBlank();
    }

    static String stackTraceOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}

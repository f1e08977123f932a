package dev.burstgitops.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.decision.Mode;
import dev.burstgitops.gitops.CommitRequest;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.GitWorkspace;
import dev.burstgitops.gitops.PushOutcome;
import dev.burstgitops.status.PassResult;
import dev.burstgitops.testing.GitAuthor;
import dev.burstgitops.testing.GitCli;
import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitLoggedCommit;
import dev.burstgitops.testing.GitRemotes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite (issue 11): a person pushes 120 commits with the {@code git} command line while
 * the burst loop makes 44 decisions on the same branch. No person's commit is lost (each is an
 * ancestor of the final head, and every line they added to the VirtualService file is still in
 * it), and every decision lands exactly once, alternating, with the weights of the last one.
 * Every fourth decision is made to lose the race on purpose: its push waits until the person has
 * pushed after its fetch, so the rejected-push path (fetch, decide again, push) is always taken.
 */
class ConcurrentPushFaultTest {

    private static final int PERSON_COMMITS = 120;
    private static final int DECISIONS = 44;
    private static final GitAuthor PERSON = GitAuthor.ALICE;
    private static final Map<String, String> PERSON_ENV = Map.of(
            "GIT_COMMITTER_NAME", PERSON.name(), "GIT_COMMITTER_EMAIL", PERSON.email());

    @TempDir
    Path dir;

    private BurstLoopFixture fixture;
    private GitClient person;
    private final AtomicInteger personPushed = new AtomicInteger();
    private final AtomicBoolean personDone = new AtomicBoolean();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new BurstLoopFixture(dir, "");
        person = GitClient.clone(fixture.remote.toString(), dir.resolve("person"), "main");
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void oneHundredTwentyPersonCommitsPushedDuringFortyFourDecisionsAllSurviveAndNoDecisionIsDoubled()
            throws Exception {
        RacingWorkspace racing = new RacingWorkspace(fixture.workspace);
        BurstLoop loop = BurstLoop.create(fixture.config, promql -> new dev.burstgitops.metrics.Sample(
                fixture.rate.get(), fixture.clock.instant(), 1), racing, fixture.clock);

        CompletableFuture<List<String>> personCommits = CompletableFuture.supplyAsync(this::pushAsAPerson);
        List<PassResult> decided = new ArrayList<>();
        int rejectedPushes = 0;
        int passes = 0;
        Mode mode = Mode.NATURAL;
        while (decided.size() < DECISIONS) {
            assertThat(passes++).as("passes needed for %d decisions", DECISIONS).isLessThan(DECISIONS * 10);
            fixture.clock.advance(Duration.ofSeconds(1));
            fixture.rate.set(mode == Mode.NATURAL ? 20.0 : 5.0);
            racing.loseTheRace = decided.size() % 4 == 0 && !personDone.get();
            PassResult result;
            try {
                result = loop.passes().get(0).run();
            } catch (GitException gaveUp) {
                continue;  // five rejections in a row: the next pass decides again on the new head
            }
            rejectedPushes += result.attempts() - 1;
            if (result.commit().isPresent()) {
                decided.add(result);
                mode = result.decision().to();
            }
        }
        List<String> pushedByThePerson = personCommits.join();

        assertThat(racing.racesLost.get()).as("decisions made to lose the race to the person").isPositive();
        assertThat(rejectedPushes).as("pushes rejected because a person's commit got there first").isPositive();
        List<GitLoggedCommit> log = GitRemotes.log(fixture.remote);
        Set<String> onTheBranch = new HashSet<>(log.stream().map(GitLoggedCommit::id).toList());
        assertThat(pushedByThePerson).hasSize(PERSON_COMMITS);
        assertThat(onTheBranch).as("every person's commit is on the branch").containsAll(pushedByThePerson);
        assertThat(log).filteredOn(commit -> commit.authorName().equals(PERSON.name()))
                .extracting(GitLoggedCommit::subject).doesNotHaveDuplicates().hasSize(PERSON_COMMITS);
        assertThat(log).as("a linear history: nothing was merged away").allSatisfy(
                commit -> assertThat(commit.parents()).hasSizeLessThanOrEqualTo(1));

        List<GitLoggedCommit> decisions = new ArrayList<>(log.stream()
                .filter(commit -> !commit.trailerValues("Burst-Decision").isEmpty()).toList());
        Collections.reverse(decisions);
        assertThat(decisions).extracting(GitLoggedCommit::id)
                .containsExactlyElementsOf(decided.stream().map(result -> result.commit().orElseThrow()).toList());
        for (int i = 0; i < decisions.size(); i++) {
            assertThat(decisions.get(i).trailerValues("Burst-Decision")).as("decision %d", i)
                    .containsExactly(i % 2 == 0 ? "natural -> burst" : "burst -> natural");
        }

        String virtualService = GitRemotes.show(fixture.remote, BurstLoopFixture.VS_FILE);
        assertThat(virtualService).as("44 decisions end where they began: natural")
                .contains("subset: primary\n          weight: 100").contains("subset: burst\n          weight: 0");
        for (int i = 0; i < PERSON_COMMITS; i++) {
            if (i % 3 == 0) {
                assertThat(virtualService).contains("# reviewed by the person, note " + i + "\n");
            } else {
                assertThat(GitRemotes.show(fixture.remote, "people/" + i + ".txt")).isEqualTo("note " + i + "\n");
            }
        }
    }

    /**
     * The person's side: 120 commits, every third one adding a comment line to the VirtualService
     * file the controller rewrites; a rejected push is rebased on the new head and pushed again,
     * as a person would. Returns the ids as they landed on the remote.
     */
    private List<String> pushAsAPerson() {
        List<String> landed = new ArrayList<>();
        try {
            for (int i = 0; i < PERSON_COMMITS; i++) {
                if (i % 3 == 0) {
                    String file = person.workTree().resolve(BurstLoopFixture.VS_FILE).toString();
                    String text = java.nio.file.Files.readString(Path.of(file));
                    person.write(BurstLoopFixture.VS_FILE, text + "# reviewed by the person, note " + i + "\n");
                } else {
                    person.write("people/" + i + ".txt", "note " + i + "\n");
                }
                person.commit(PERSON, "person commit " + i);
                for (int attempt = 1; ; attempt++) {
                    GitCli.Result pushed = GitCli.tryRun(person.workTree(), Map.of(),
                            "push", "--quiet", "origin", "HEAD:refs/heads/main");
                    if (pushed.exitCode() == 0) {
                        break;
                    }
                    assertThat(attempt).as("pushes of person commit %d: %s", i, pushed.stderr()).isLessThan(50);
                    GitCli.run(person.workTree(), PERSON_ENV, "pull", "--rebase", "--quiet", "origin", "main");
                }
                landed.add(person.head());
                personPushed.incrementAndGet();
            }
            return landed;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            personDone.set(true);
        }
    }

    /**
     * The loop's real workspace; when told to lose the race, its push waits until the person has
     * pushed something after the loop's fetch, so the push is rejected as not a fast-forward.
     */
    private final class RacingWorkspace implements GitWorkspace {

        private final GitWorkspace real;
        private final AtomicInteger racesLost = new AtomicInteger();
        private volatile boolean loseTheRace;
        private volatile int pushedAtRefresh;

        RacingWorkspace(GitWorkspace real) {
            this.real = real;
        }

        @Override
        public String refresh() throws GitException {
            String head = real.refresh();
            pushedAtRefresh = personPushed.get();
            return head;
        }

        @Override
        public Path directory() {
            return real.directory();
        }

        @Override
        public PushOutcome commitAndPush(CommitRequest request) throws GitException {
            if (loseTheRace) {
                loseTheRace = false;
                // Two pushes counted after the fetch: the second began after it, so it moved the branch on.
                int seen = pushedAtRefresh;
                await().atMost(Duration.ofSeconds(30)).until(() -> personPushed.get() >= seen + 2 || personDone.get());
                if (personPushed.get() >= seen + 2) {
                    racesLost.incrementAndGet();
                }
            }
            return real.commitAndPush(request);
        }
    }
}

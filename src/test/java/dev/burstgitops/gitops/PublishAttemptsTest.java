package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link DecisionPublisher#publishAttempts}: the change's own account of each attempt comes back
 * with the result, and a failure after a commit was handed over is the publish's.
 */
class PublishAttemptsTest {

    private static final CommitRequest COMMIT = CommitRequest.of(CommitMessage.of("burst(worker): natural -> burst"),
            "weights.yaml");

    /** Calls the change once per head, as a publisher does after rejections, then ends as told. */
    private record ScriptedPublisher(List<String> heads, PublishResult end, GitException failure)
            implements DecisionPublisher {
        @Override
        public <E extends Exception> PublishResult publish(TreeChange<E> change) throws GitException, E {
            for (String head : heads) {
                change.apply(new WorkingTree(Path.of("checkout"), head));
            }
            if (failure != null) {
                throw failure;
            }
            return end;
        }
    }

    @Test
    void theResultComesBackWithTheOutcomeOfTheLastAttempt() throws Exception {
        DecisionPublisher publisher = new ScriptedPublisher(List.of("a", "b"), new PublishResult.Published("c2", 2),
                null);

        Publication<String> published = publisher.publishAttempts(tree -> new Attempt<>("decided on " + tree.head(),
                Optional.of(COMMIT)));

        assertThat(published.outcome()).isEqualTo("decided on b");
        assertThat(published.result().pushedCommit()).contains("c2");
        assertThat(published.result().attempts()).isEqualTo(2);
    }

    @Test
    void aFailureAfterACommitWasHandedOverIsAPublishFailureCountingTheAttempts() {
        DecisionPublisher publisher = new ScriptedPublisher(List.of("a", "b"), null, new GitException("push failed"));

        assertThatThrownBy(() -> publisher.publishAttempts(tree -> new Attempt<>(tree.head(), Optional.of(COMMIT))))
                .isInstanceOfSatisfying(PublishFailedException.class, failed -> {
                    assertThat(failed.attempts()).isEqualTo(2);
                    assertThat(failed).hasMessage("push failed");
                });
    }

    @Test
    void aRetrysRefreshThatFindsAnUnsignedHeadIsTheRefusedHeadNotAPublishFailure() {
        UnverifiedHeadException refused = new UnverifiedHeadException("8c1d2e3f4a5b6c7d8e9f", "it carries no signature");
        DecisionPublisher publisher = new ScriptedPublisher(List.of("a"), null, refused);

        assertThatThrownBy(() -> publisher.publishAttempts(tree -> new Attempt<>(tree.head(), Optional.of(COMMIT))))
                .isSameAs(refused);
    }

    @Test
    void aFailureBeforeAnyCommitIsThePlainGitFailure() {
        GitException refresh = new GitException("fetch failed");
        DecisionPublisher publisher = new ScriptedPublisher(List.of("a"), null, refresh);

        assertThatThrownBy(() -> publisher.publishAttempts(tree -> new Attempt<>(tree.head(), Optional.empty())))
                .isSameAs(refresh);
    }

    @Test
    void nothingToDoIsOneAttemptWithNoCommit() throws Exception {
        DecisionPublisher publisher = new ScriptedPublisher(List.of("a"), new PublishResult.NothingToDo("a"), null);

        Publication<String> published = publisher.publishAttempts(tree -> new Attempt<>("stay", Optional.empty()));

        assertThat(published.outcome()).isEqualTo("stay");
        assertThat(published.result().pushedCommit()).isEmpty();
        assertThat(published.result().attempts()).isEqualTo(1);
    }
}

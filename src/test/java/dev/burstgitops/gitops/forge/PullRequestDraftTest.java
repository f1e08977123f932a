package dev.burstgitops.gitops.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** When an open pull request already says what the controller wants to say. */
class PullRequestDraftTest {

    private static final URI PAGE = URI.create("https://github.com/acme/fleet/pull/42");

    @Test
    void lineEndingsAndSurroundingBlanksAreNotAChange() {
        PullRequest stored = new PullRequest("42", PAGE, Drafts.HEAD, Drafts.TITLE + " ",
                Drafts.BODY.replace("\n", "\r\n") + "\r\n");

        assertThat(Drafts.worker().sameTextAs(stored)).isTrue();
    }

    @Test
    void anyOtherWordIsAChange() {
        PullRequest stored = new PullRequest("42", PAGE, Drafts.HEAD, Drafts.TITLE, Drafts.BODY.replace("15", "16"));

        assertThat(Drafts.worker().sameTextAs(stored)).isFalse();
    }

    @Test
    void aMissingBodyReadsAsEmpty() {
        PullRequest stored = new PullRequest("42", PAGE, Drafts.HEAD, Drafts.TITLE, null);

        assertThat(new PullRequestDraft(Drafts.HEAD, Drafts.BASE, Drafts.TITLE, "").sameTextAs(stored)).isTrue();
    }

    @Test
    void aDraftFromABranchIntoItselfIsRefused() {
        assertThatThrownBy(() -> new PullRequestDraft("main", "main", "t", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head and base branch are both main");
    }
}

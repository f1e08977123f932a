package dev.burstgitops.gitops.forge;

/**
 * What the controller wants a policy's pull request to say.
 *
 * <p>Auto-merge is not part of the draft: it is a property of the forge configuration
 * ({@code git.pullRequest.autoMerge}), fixed when the provider is built, so there is one
 * place that decides it.
 */
public record PullRequestDraft(String headBranch, String baseBranch, String title, String body) {

    public PullRequestDraft {
        requireText(headBranch, "headBranch");
        requireText(baseBranch, "baseBranch");
        requireText(title, "title");
        body = body == null ? "" : body;
        if (headBranch.equals(baseBranch)) {
            throw new IllegalArgumentException("head and base branch are both " + headBranch);
        }
    }

    /**
     * Whether {@code existing} already says what this draft says. Forges store text as sent
     * but browsers editing it turn line ends into CRLF and trailing blanks come and go; neither
     * is a change worth a write (and a notification to every watcher).
     */
    public boolean sameTextAs(PullRequest existing) {
        return normalized(title).equals(normalized(existing.title()))
                && normalized(body).equals(normalized(existing.body()));
    }

    private static String normalized(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

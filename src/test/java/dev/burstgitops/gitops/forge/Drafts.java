package dev.burstgitops.gitops.forge;

/** The pull request text the stored forge answers carry, so that "unchanged" can be tested. */
final class Drafts {

    static final String HEAD = "burst-gitops/worker";
    static final String BASE = "main";
    static final String TITLE = "burst(worker): natural -> burst at 17.2 req/s (enter above 15)";
    static final String BODY = "The request rate held above 15 req/s.\n\nBurst-Policy: worker";
    static final String CLOSING = "main already routes worker as burst; closing.";

    private Drafts() {
    }

    static PullRequestDraft worker() {
        return new PullRequestDraft(HEAD, BASE, TITLE, BODY);
    }
}

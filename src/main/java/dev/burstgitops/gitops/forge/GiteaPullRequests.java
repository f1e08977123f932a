package dev.burstgitops.gitops.forge;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * {@link PullRequestProvider} over the Gitea API v1, which Forgejo serves unchanged.
 *
 * <p>Finding the open pull request walks {@code GET /pulls?state=open} page by page and matches
 * head, base and repository here. Gitea also has {@code GET /pulls/{base}/{head}}, but it is
 * missing from older releases, answers with closed and merged pull requests too, and cannot
 * take a base branch containing {@code /} (only {@code {head}} is a catch-all segment).
 */
public final class GiteaPullRequests implements PullRequestProvider {

    static final String PROVIDER = "gitea";
    static final Headers API_HEADERS = Headers.of("Accept", "application/json", "User-Agent", ForgeHttp.USER_AGENT);

    /** Gitea's default upper bound for {@code limit} (MAX_RESPONSE_ITEMS). */
    static final int PAGE_SIZE = 50;
    /** 1000 open pull requests is far past any repository this controller writes to. */
    private static final int MOST_PAGES = 20;
    /**
     * 250 closed pull requests of the whole repository: a policy's turned-down proposal is asked
     * about at most twice a minute, so this bounds that to five calls in a busy repository.
     */
    static final int MOST_CLOSED_PAGES = 5;

    private final ForgeHttp http;
    private final OwnerAndName repository;
    private final boolean autoMerge;

    GiteaPullRequests(ForgeHttp http, OwnerAndName repository, boolean autoMerge) {
        this.http = Objects.requireNonNull(http, "http");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.autoMerge = autoMerge;
    }

    @Override
    public Optional<PullRequest> findOpen(String headBranch, String baseBranch) throws ForgeException {
        Optional<ForgeAnswer> open = firstFrom(headBranch, baseBranch, MOST_PAGES, "state", "open");
        return open.isEmpty() ? Optional.empty() : Optional.of(pullRequest(open.get()));
    }

    /**
     * Closed pull requests, the most recently closed first ({@code sort=recentclose}, Gitea 1.17 and
     * later): the first from our head branch is the last one closed. Gitea cannot filter this list
     * by branch, so the pages hold every closed pull request of the repository: they are read
     * until the branch's is found, up to {@link #MOST_CLOSED_PAGES}. A refusal closed before the
     * last 250 closings of the repository is not seen (README, {@code reproposeAfter}).
     */
    @Override
    public Optional<ClosedPullRequest> lastClosedUnmerged(String headBranch, String baseBranch) throws ForgeException {
        Optional<ForgeAnswer> closed = firstFrom(headBranch, baseBranch, MOST_CLOSED_PAGES,
                "state", "closed", "sort", "recentclose");
        if (closed.isEmpty() || "true".equals(closed.get().optionalText("merged"))) {
            return Optional.empty();
        }
        return Optional.of(new ClosedPullRequest(pullRequest(closed.get()), closed.get().instant("closed_at")));
    }

    /**
     * The first pull request from {@code headBranch} into {@code baseBranch} in the list that
     * {@code query} (name, value, name, value...) selects, read a page at a time.
     */
    private Optional<ForgeAnswer> firstFrom(String headBranch, String baseBranch, int mostPages, String... query)
            throws ForgeException {
        for (int page = 1; page <= mostPages; page++) {
            HttpUrl.Builder url = pulls();
            for (int i = 0; i + 1 < query.length; i += 2) {
                url.addQueryParameter(query[i], query[i + 1]);
            }
            url.addQueryParameter("page", Integer.toString(page))
                    .addQueryParameter("limit", Integer.toString(PAGE_SIZE));
            List<ForgeAnswer> pulls = http.get(url.build()).items();
            for (ForgeAnswer pull : pulls) {
                if (isFrom(pull, headBranch, baseBranch)) {
                    return Optional.of(pull);
                }
            }
            if (pulls.size() < PAGE_SIZE) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public PullRequestOutcome.Opened open(PullRequestDraft draft) throws ForgeException {
        PullRequest opened = pullRequest(http.send("POST", pulls().build(), Map.of(
                "head", draft.headBranch(),
                "base", draft.baseBranch(),
                "title", draft.title(),
                "body", draft.body())));
        return new PullRequestOutcome.Opened(opened, autoMerge ? enableAutoMerge(opened) : AutoMerge.off());
    }

    @Override
    public PullRequest update(PullRequest existing, PullRequestDraft draft) throws ForgeException {
        return pullRequest(http.send("PATCH", pulls().addPathSegment(existing.id()).build(),
                Map.of("title", draft.title(), "body", draft.body())));
    }

    @Override
    public void close(PullRequest existing, String comment) throws ForgeException {
        http.send("PATCH", pulls().addPathSegment(existing.id()).build(), Map.of("state", "closed"));
        if (comment != null && !comment.isBlank()) {
            HttpUrl comments = http.url("repos", repository.owner(), repository.name(), "issues", existing.id(), "comments")
                    .build();
            http.send("POST", comments, Map.of("body", comment));
        }
    }

    /**
     * Schedules the merge for when the required checks pass (201); with nothing pending Gitea
     * merges at once (200). Either way the controller's work is done.
     */
    private AutoMerge enableAutoMerge(PullRequest opened) {
        try {
            http.send("POST", pulls().addPathSegment(opened.id()).addPathSegment("merge").build(),
                    Map.of("Do", "merge", "merge_when_checks_succeed", true));
            return AutoMerge.enabled();
        } catch (ForgeException e) {
            return AutoMerge.refused(e.getMessage());
        }
    }

    /** Same branches, and the head in this repository rather than a fork with a branch of the same name. */
    private static boolean isFrom(ForgeAnswer pull, String headBranch, String baseBranch) {
        return headBranch.equals(headBranchOf(pull))
                && baseBranch.equals(pull.optionalText("base", "ref"))
                && pull.optionalText("head", "repo_id").equals(pull.optionalText("base", "repo_id"));
    }

    private HttpUrl.Builder pulls() {
        return http.url("repos", repository.owner(), repository.name(), "pulls");
    }

    private static PullRequest pullRequest(ForgeAnswer pull) throws ForgeException {
        // Read for its check alone: an answer without head.ref is not a pull request (MALFORMED,
        // naming the field), though the branch itself is taken from headBranchOf.
        pull.text("head", "ref");
        return new PullRequest(pull.text("number"), pull.uri("html_url"), headBranchOf(pull),
                pull.text("title"), pull.optionalText("body"));
    }

    /**
     * {@code head.ref} is the branch while it exists; once it is deleted (as the controller does
     * after a closing) Gitea answers {@code refs/pull/<n>/head} there and keeps the branch name
     * only in {@code head.label}.
     */
    private static String headBranchOf(ForgeAnswer pull) {
        String ref = pull.optionalText("head", "ref");
        return ref.startsWith("refs/pull/") ? pull.optionalText("head", "label") : ref;
    }
}

package dev.burstgitops.gitops.forge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * {@link PullRequestProvider} over the GitHub REST API v3 ({@code api.github.com}, or
 * {@code https://HOST/api/v3} for GitHub Enterprise Server). A pull request's comments are
 * issue comments on GitHub, hence {@code /issues/{number}/comments} for the closing remark.
 * Auto-merge has no REST endpoint and goes through {@link GitHubAutoMerge} (GraphQL).
 */
public final class GitHubPullRequests implements PullRequestProvider {

    static final String PROVIDER = "github";

    static final Headers API_HEADERS = Headers.of(
            "Accept", "application/vnd.github+json",
            "X-GitHub-Api-Version", "2022-11-28",
            "User-Agent", ForgeHttp.USER_AGENT);

    private final ForgeHttp http;
    private final OwnerAndName repository;
    private final Optional<GitHubAutoMerge> autoMerge;

    GitHubPullRequests(ForgeHttp http, OwnerAndName repository, boolean autoMerge) {
        this.http = Objects.requireNonNull(http, "http");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.autoMerge = autoMerge ? Optional.of(new GitHubAutoMerge(http)) : Optional.empty();
    }

    @Override
    public Optional<PullRequest> findOpen(String headBranch, String baseBranch) throws ForgeException {
        // head takes owner:branch; without the owner GitHub ignores the filter and lists every pull request.
        HttpUrl url = pulls()
                .addQueryParameter("state", "open")
                .addQueryParameter("head", repository.owner() + ":" + headBranch)
                .addQueryParameter("base", baseBranch)
                .build();
        List<ForgeAnswer> pulls = http.get(url).items();
        return pulls.isEmpty() ? Optional.empty() : Optional.of(pullRequest(pulls.get(0)));
    }

    /**
     * GitHub cannot sort by closing time: the branch's most recently updated closed pull requests
     * are read, and the latest {@code closed_at} among them is the last closing.
     */
    @Override
    public Optional<ClosedPullRequest> lastClosedUnmerged(String headBranch, String baseBranch) throws ForgeException {
        HttpUrl url = pulls()
                .addQueryParameter("state", "closed")
                .addQueryParameter("head", repository.owner() + ":" + headBranch)
                .addQueryParameter("base", baseBranch)
                .addQueryParameter("sort", "updated")
                .addQueryParameter("direction", "desc")
                .build();
        ForgeAnswer last = null;
        Instant lastClosedAt = null;
        for (ForgeAnswer pull : http.get(url).items()) {
            if (!"closed".equals(pull.optionalText("state"))) {
                continue;
            }
            Instant closedAt = pull.instant("closed_at");
            if (lastClosedAt == null || closedAt.isAfter(lastClosedAt)) {
                last = pull;
                lastClosedAt = closedAt;
            }
        }
        if (last == null || !last.optionalText("merged_at").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClosedPullRequest(pullRequest(last), lastClosedAt));
    }

    @Override
    public PullRequestOutcome.Opened open(PullRequestDraft draft) throws ForgeException {
        ForgeAnswer created = http.send("POST", pulls().build(), Map.of(
                "title", draft.title(),
                "head", draft.headBranch(),
                "base", draft.baseBranch(),
                "body", draft.body()));
        PullRequest opened = pullRequest(created);
        AutoMerge merge = autoMerge.isPresent() ? autoMerge.get().enable(created.text("node_id")) : AutoMerge.off();
        return new PullRequestOutcome.Opened(opened, merge);
    }

    @Override
    public PullRequest update(PullRequest existing, PullRequestDraft draft) throws ForgeException {
        ForgeAnswer updated = http.send("PATCH", pulls().addPathSegment(existing.id()).build(),
                Map.of("title", draft.title(), "body", draft.body()));
        return pullRequest(updated);
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

    private HttpUrl.Builder pulls() {
        return http.url("repos", repository.owner(), repository.name(), "pulls");
    }

    private static PullRequest pullRequest(ForgeAnswer pull) throws ForgeException {
        return new PullRequest(pull.text("number"), pull.uri("html_url"), pull.text("head", "ref"),
                pull.text("title"), pull.optionalText("body"));
    }
}

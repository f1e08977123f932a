package dev.burstgitops.gitops.forge;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * {@link PullRequestProvider} over the GitLab REST API v4, where a pull request is a merge
 * request, addressed by its per-project {@code iid}. The project is addressed by its full path
 * ({@code group/sub/project}) as one URL-encoded path segment ({@code group%2Fsub%2Fproject}),
 * or by its numeric id.
 *
 * <p>Auto-merge sends both {@code auto_merge} (GitLab 17.11 and later) and the older
 * {@code merge_when_pipeline_succeeds} it replaced: each GitLab reads the one it knows and
 * ignores the other.
 */
public final class GitLabMergeRequests implements PullRequestProvider {

    static final String PROVIDER = "gitlab";
    static final Headers API_HEADERS = Headers.of("Accept", "application/json", "User-Agent", ForgeHttp.USER_AGENT);

    private final ForgeHttp http;
    private final String project;
    private final boolean autoMerge;

    GitLabMergeRequests(ForgeHttp http, String project, boolean autoMerge) {
        this.http = Objects.requireNonNull(http, "http");
        this.project = checkedProject(project);
        this.autoMerge = autoMerge;
    }

    @Override
    public Optional<PullRequest> findOpen(String headBranch, String baseBranch) throws ForgeException {
        HttpUrl url = mergeRequests()
                .addQueryParameter("state", "opened")
                .addQueryParameter("source_branch", headBranch)
                .addQueryParameter("target_branch", baseBranch)
                .build();
        for (ForgeAnswer mergeRequest : http.get(url).items()) {
            // A fork's merge request into this project can have the same source branch name.
            if (mergeRequest.optionalText("source_project_id").equals(mergeRequest.optionalText("target_project_id"))) {
                return Optional.of(mergeRequest(mergeRequest));
            }
        }
        return Optional.empty();
    }

    /**
     * The branch's closed and merged merge requests, most recently updated first; the latest of
     * their {@code closed_at} / {@code merged_at} is the last closing, a turned-down proposal
     * only when that one was closed rather than merged.
     */
    @Override
    public Optional<ClosedPullRequest> lastClosedUnmerged(String headBranch, String baseBranch) throws ForgeException {
        HttpUrl url = mergeRequests()
                .addQueryParameter("source_branch", headBranch)
                .addQueryParameter("target_branch", baseBranch)
                .addQueryParameter("order_by", "updated_at")
                .addQueryParameter("sort", "desc")
                .build();
        ForgeAnswer last = null;
        Instant lastEnded = null;
        for (ForgeAnswer mergeRequest : http.get(url).items()) {
            String state = mergeRequest.optionalText("state");
            boolean sameProject = mergeRequest.optionalText("source_project_id")
                    .equals(mergeRequest.optionalText("target_project_id"));
            if (!sameProject || !(state.equals("closed") || state.equals("merged"))) {
                continue;
            }
            Instant ended = mergeRequest.instant(state.equals("merged") ? "merged_at" : "closed_at");
            if (lastEnded == null || ended.isAfter(lastEnded)) {
                last = mergeRequest;
                lastEnded = ended;
            }
        }
        if (last == null || !"closed".equals(last.optionalText("state"))) {
            return Optional.empty();
        }
        return Optional.of(new ClosedPullRequest(mergeRequest(last), lastEnded));
    }

    @Override
    public PullRequestOutcome.Opened open(PullRequestDraft draft) throws ForgeException {
        PullRequest opened = mergeRequest(http.send("POST", mergeRequests().build(), Map.of(
                "source_branch", draft.headBranch(),
                "target_branch", draft.baseBranch(),
                "title", draft.title(),
                "description", draft.body())));
        return new PullRequestOutcome.Opened(opened, autoMerge ? enableAutoMerge(opened) : AutoMerge.off());
    }

    @Override
    public PullRequest update(PullRequest existing, PullRequestDraft draft) throws ForgeException {
        return mergeRequest(http.send("PUT", mergeRequests().addPathSegment(existing.id()).build(),
                Map.of("title", draft.title(), "description", draft.body())));
    }

    @Override
    public void close(PullRequest existing, String comment) throws ForgeException {
        http.send("PUT", mergeRequests().addPathSegment(existing.id()).build(), Map.of("state_event", "close"));
        if (comment != null && !comment.isBlank()) {
            http.send("POST", mergeRequests().addPathSegment(existing.id()).addPathSegment("notes").build(),
                    Map.of("body", comment));
        }
    }

    /**
     * GitLab answers 405 or 422 while the merge request cannot be set to auto-merge (no
     * pipeline yet, draft, conflicts): reported as refused, the merge request stays open.
     */
    private AutoMerge enableAutoMerge(PullRequest opened) {
        try {
            http.send("PUT", mergeRequests().addPathSegment(opened.id()).addPathSegment("merge").build(),
                    Map.of("auto_merge", true, "merge_when_pipeline_succeeds", true));
            return AutoMerge.enabled();
        } catch (ForgeException e) {
            return AutoMerge.refused(e.getMessage());
        }
    }

    private HttpUrl.Builder mergeRequests() {
        return http.url("projects", project, "merge_requests");
    }

    private static PullRequest mergeRequest(ForgeAnswer mergeRequest) throws ForgeException {
        return new PullRequest(mergeRequest.text("iid"), mergeRequest.uri("web_url"),
                mergeRequest.text("source_branch"), mergeRequest.text("title"), mergeRequest.optionalText("description"));
    }

    private static String checkedProject(String project) {
        boolean numericId = project != null && project.matches("[0-9]+");
        boolean path = project != null && project.matches("[^/]+(/[^/]+)+");
        if (!numericId && !path) {
            throw new IllegalArgumentException("GitLab project must be group/project (or group/sub/project, or its numeric id), got: "
                    + project);
        }
        return project;
    }
}

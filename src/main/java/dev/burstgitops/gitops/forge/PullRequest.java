package dev.burstgitops.gitops.forge;

import java.net.URI;
import java.util.Objects;

/**
 * An open pull request (GitLab: merge request) as the forge reported it.
 *
 * @param id         what the forge's URLs address it by: GitHub/Gitea number, GitLab {@code iid}
 *                   (never GitLab's global {@code id}, which no API path accepts)
 * @param webUrl     the page a person opens
 * @param headBranch the branch the changes come from
 * @param title      as the forge stores it
 * @param body       as the forge stores it; empty when the forge has none ({@code null} in JSON)
 */
public record PullRequest(String id, URI webUrl, String headBranch, String title, String body) {

    public PullRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(headBranch, "headBranch");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
    }
}

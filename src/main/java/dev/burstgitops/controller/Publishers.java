package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.GitConfig;
import dev.burstgitops.config.PullRequestConfig;
import dev.burstgitops.gitops.ChangePublisher;
import dev.burstgitops.gitops.DecisionPublisher;
import dev.burstgitops.gitops.GitWorkspace;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.gitops.PublishRetry;
import dev.burstgitops.gitops.PullRequestPublisher;
import dev.burstgitops.gitops.forge.PullRequestProviders;
import dev.burstgitops.gitops.forge.PullRequestSync;

/**
 * Chooses where each policy's decisions go, by {@code git.writeMode}: pushed to the branch, or
 * proposed on {@code burst-gitops/<policy>} with one pull request per policy.
 */
final class Publishers {

    private final BurstGitopsConfig config;
    private final GitWorkspace workspace;
    private final ChangePublisher direct;

    Publishers(BurstGitopsConfig config, GitWorkspace workspace) {
        this.config = config;
        this.workspace = workspace;
        this.direct = new ChangePublisher(workspace, PublishRetry.defaults());
    }

    DecisionPublisher forPolicy(String policy) throws ConfigException {
        if (config.git().writeMode() != GitConfig.WriteMode.PULL_REQUEST) {
            return direct;
        }
        if (!(workspace instanceof JGitWorkspace jgit)) {
            throw new IllegalStateException("pull-request mode pushes side branches with JGit");
        }
        PullRequestConfig forge = config.git().pullRequest().orElseThrow(
                () -> new ConfigException("git.pullRequest: is required in writeMode pull-request"));
        PullRequestSync pullRequests = new PullRequestSync(PullRequestProviders.create(forge.provider(),
                forge.apiUrl(), forge.repository(), forge.token().read(), forge.autoMerge()));
        return new PullRequestPublisher(jgit, policy, pullRequests, PublishRetry.defaults());
    }
}

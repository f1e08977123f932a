package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.GitConfig;
import dev.burstgitops.config.PullRequestConfig;
import dev.burstgitops.gitops.ChangePublisher;
import dev.burstgitops.gitops.DecisionPublisher;
import dev.burstgitops.gitops.DryRunPublisher;
import dev.burstgitops.gitops.GitWorkspace;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.gitops.PublishRetry;
import dev.burstgitops.gitops.PullRequestLifecycle;
import dev.burstgitops.gitops.PullRequestPublisher;
import dev.burstgitops.gitops.forge.PullRequestProviders;
import dev.burstgitops.gitops.forge.PullRequestSync;

/**
 * Chooses where each policy's decisions go, by {@code git.writeMode}: pushed to the branch, or
 * proposed on {@code burst-gitops/<policy>} with one pull request per policy.
 */
public final class Publishers {

    private final BurstGitopsConfig config;
    private final GitWorkspace workspace;
    private final ChangePublisher direct;
    private final PublishRetry retry;
    private final boolean dryRun;

    /**
     * @param retry  how a rejected push is tried again (a test's does not sleep)
     * @param dryRun decide on the fresh head but commit nothing, whatever the write mode ({@code decide --dry-run})
     */
    Publishers(BurstGitopsConfig config, GitWorkspace workspace, PublishRetry retry, boolean dryRun) {
        this.config = config;
        this.workspace = workspace;
        this.retry = retry;
        this.direct = new ChangePublisher(workspace, retry);
        this.dryRun = dryRun;
    }

    DecisionPublisher forPolicy(String policy) throws ConfigException {
        if (dryRun) {
            return new DryRunPublisher(workspace);
        }
        if (config.git().writeMode() != GitConfig.WriteMode.PULL_REQUEST) {
            return direct;
        }
        if (!(workspace instanceof JGitWorkspace jgit)) {
            throw new IllegalStateException("pull-request mode pushes side branches with JGit");
        }
        return pullRequest(config, jgit, policy, retry);
    }

    /**
     * A publisher that proposes on {@code burst-gitops/<name>} with a pull request, whatever the
     * write mode: for {@code override set --pull-request}.
     */
    public static DecisionPublisher pullRequest(BurstGitopsConfig config, JGitWorkspace jgit, String name)
            throws ConfigException {
        return pullRequest(config, jgit, name, PublishRetry.defaults());
    }

    private static DecisionPublisher pullRequest(BurstGitopsConfig config, JGitWorkspace jgit, String name,
                                                 PublishRetry retry) throws ConfigException {
        PullRequestConfig forge = config.git().pullRequest().orElseThrow(
                () -> new ConfigException("git.pullRequest: is required to open pull requests"));
        PullRequestSync pullRequests = new PullRequestSync(PullRequestProviders.create(forge.provider(),
                forge.apiUrl(), forge.repository(), forge.token().readWhenUsed(), forge.autoMerge()));
        return new PullRequestPublisher(jgit, name, pullRequests, retry,
                new PullRequestLifecycle(forge.deleteBranch(), forge.reproposeAfter()));
    }
}

package dev.burstgitops.config;

import java.net.URI;
import java.time.Duration;

/**
 * The {@code git.pullRequest} section: the forge that receives the controller's pull requests.
 *
 * @param deleteBranch   delete {@code burst-gitops/<policy>} once its pull request is merged or closed
 * @param reproposeAfter how long a proposal a person closed without merging is not made again
 */
public record PullRequestConfig(String provider, URI apiUrl, String repository, SecretRef token, boolean autoMerge,
                                boolean deleteBranch, Duration reproposeAfter) {

    public static final Duration DEFAULT_REPROPOSE_AFTER = Duration.ofHours(1);

    /** With the lifecycle defaults: delete the side branch, propose a turned-down change again after an hour. */
    public PullRequestConfig(String provider, URI apiUrl, String repository, SecretRef token, boolean autoMerge) {
        this(provider, apiUrl, repository, token, autoMerge, true, DEFAULT_REPROPOSE_AFTER);
    }
}

package dev.burstgitops.config;

import java.net.URI;

/** The {@code git.pullRequest} section: the forge that receives the controller's pull requests. */
public record PullRequestConfig(String provider, URI apiUrl, String repository, SecretRef token, boolean autoMerge) {
}

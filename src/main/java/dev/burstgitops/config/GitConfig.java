package dev.burstgitops.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code git} section: the repository that is the change record, and how to write to it.
 * {@code signingKeyFile} ({@code git.signing.sshKeyFile}) signs every commit the controller makes;
 * {@code allowedSignersFile} ({@code git.verify.allowedSignersFile}) is the list of keys a head
 * must be signed by before either loop uses it; with it, {@code allowRollback} lets a head that
 * does not descend from the one last taken be taken too (a force-push back in history).
 * {@code timeout} bounds one fetch or push in all ({@code git.timeout}), not each read.
 */
public record GitConfig(
        URI url,
        String branch,
        Path checkoutDir,
        Optional<GitAuthConfig> auth,
        String authorName,
        String authorEmail,
        WriteMode writeMode,
        Duration maxOverrideDuration,
        Optional<PullRequestConfig> pullRequest,
        Duration pollInterval,
        Optional<Path> signingKeyFile,
        Optional<Path> allowedSignersFile,
        boolean allowRollback,
        Duration timeout) {

    /** How decisions reach the branch. */
    public enum WriteMode {
        /** Commit and push to the branch. */
        DIRECT,
        /** Commit to {@code burst-gitops/<policy>} and open a pull request. */
        PULL_REQUEST
    }
}

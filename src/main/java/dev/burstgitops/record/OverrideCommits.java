package dev.burstgitops.record;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.gitops.CommitMessage;
import dev.burstgitops.gitops.CommitRequest;
import dev.burstgitops.gitops.DecisionPublisher;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.PublishResult;
import dev.burstgitops.override.OverrideFile;
import dev.burstgitops.override.OverrideWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Commits an override file ({@link OverrideWriter}) through the same Git path as decisions, so
 * a person's override from the command line is a commit like any other, reviewed the same way,
 * with the trailers {@code history} reads.
 */
public final class OverrideCommits {

    private final BurstGitopsConfig config;
    private final DecisionPublisher publisher;

    public OverrideCommits(BurstGitopsConfig config, DecisionPublisher publisher) {
        this.config = config;
        this.publisher = publisher;
    }

    /** @throws IllegalArgumentException when the policy is unknown or the override would be invalid */
    public PublishResult set(String policy, Mode mode, Instant until, String reason, Instant now)
            throws GitException, IOException {
        return set(policy, mode.label(), until, reason, now);
    }

    /** A suspension: the controller leaves the policy's weights alone until {@code until}. */
    public PublishResult suspend(String policy, Instant until, String reason, Instant now)
            throws GitException, IOException {
        return set(policy, OverrideFile.SUSPEND, until, reason, now);
    }

    /** @param target {@code burst}, {@code natural} or {@code suspend} */
    public PublishResult set(String policy, String target, Instant until, String reason, Instant now)
            throws GitException, IOException {
        requirePolicy(policy);
        String text = new OverrideWriter(config.git().maxOverrideDuration()).text(policy, target, until, reason, now);
        String file = OverrideFile.pathFor(policy);
        CommitMessage message = CommitMessage.of("override(" + policy + "): " + target + " until " + until)
                .withBody(reason)
                .withTrailer(DecisionTrailers.POLICY, policy)
                .withTrailer(DecisionTrailers.OVERRIDE, file);
        return publisher.publish(tree -> Optional.of(CommitRequest.of(message,
                OverrideWriter.write(tree.directory(), policy, text))));
    }

    public PublishResult clear(String policy) throws GitException, IOException {
        requirePolicy(policy);
        String file = OverrideFile.pathFor(policy);
        CommitMessage message = CommitMessage.of("override(" + policy + "): cleared, automatic control resumes")
                .withTrailer(DecisionTrailers.POLICY, policy);
        return publisher.publish(tree -> OverrideWriter.remove(tree.directory(), policy)
                ? Optional.of(CommitRequest.of(message, file)) : Optional.empty());
    }

    private void requirePolicy(String policy) {
        if (config.policy(policy).isEmpty()) {
            throw new IllegalArgumentException("no policy named '" + policy + "' in " + config.source());
        }
    }
}

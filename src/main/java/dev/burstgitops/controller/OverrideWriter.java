package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.gitops.CommitMessage;
import dev.burstgitops.gitops.CommitRequest;
import dev.burstgitops.gitops.DecisionPublisher;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.PublishResult;
import dev.burstgitops.override.OverrideFile;
import dev.burstgitops.override.OverrideLookup;
import dev.burstgitops.override.OverrideReader;
import dev.burstgitops.record.DecisionTrailers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes or removes {@code overrides/<policy>.yaml} through the same Git path as decisions, so
 * a person's override from the command line is a commit like any other, reviewed the same way.
 */
public final class OverrideWriter {

    private final BurstGitopsConfig config;
    private final DecisionPublisher publisher;

    public OverrideWriter(BurstGitopsConfig config, DecisionPublisher publisher) {
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
        OverrideFile.parseTarget(target);
        String file = OverrideFile.pathFor(policy);
        String text = "policy: " + policy + "\nmode: " + target + "\nuntil: " + until + "\nreason: "
                + quoted(reason) + "\n";
        OverrideLookup checked = new OverrideReader(config.git().maxOverrideDuration()).check(text, file, policy, now);
        if (checked instanceof OverrideLookup.Invalid invalid) {
            throw new IllegalArgumentException(String.join("; ", invalid.problems()));
        }
        if (checked instanceof OverrideLookup.Expired) {
            throw new IllegalArgumentException("until " + until + " is not in the future");
        }
        CommitMessage message = CommitMessage.of("override(" + policy + "): " + target + " until " + until)
                .withBody(reason)
                .withTrailer(DecisionTrailers.POLICY, policy)
                .withTrailer(DecisionTrailers.OVERRIDE, file);
        return publisher.publish(tree -> {
            Path path = tree.directory().resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
            return Optional.of(CommitRequest.of(message, file));
        });
    }

    public PublishResult clear(String policy) throws GitException, IOException {
        requirePolicy(policy);
        String file = OverrideFile.pathFor(policy);
        CommitMessage message = CommitMessage.of("override(" + policy + "): cleared, automatic control resumes")
                .withTrailer(DecisionTrailers.POLICY, policy);
        return publisher.publish(tree -> Files.deleteIfExists(tree.directory().resolve(file))
                ? Optional.of(CommitRequest.of(message, file)) : Optional.empty());
    }

    private void requirePolicy(String policy) {
        if (config.policy(policy).isEmpty()) {
            throw new IllegalArgumentException("no policy named '" + policy + "' in " + config.source());
        }
    }

    /** Double-quoted YAML, so a reason with a colon or a hash stays one string. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}

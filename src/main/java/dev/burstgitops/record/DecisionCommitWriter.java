package dev.burstgitops.record;

import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.config.VirtualServiceConfig;
import dev.burstgitops.decision.Decision;
import dev.burstgitops.gitops.CommitMessage;
import dev.burstgitops.gitops.CommitRequest;
import dev.burstgitops.gitops.WorkingTree;
import dev.burstgitops.manifest.ManifestException;
import dev.burstgitops.manifest.SourceLocation;
import dev.burstgitops.manifest.VirtualServiceWeights;
import dev.burstgitops.override.OverrideFile;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a decision into file edits and the commit that records them: the new weights, and the
 * removal of an expired override. Nothing to edit means no commit.
 */
public final class DecisionCommitWriter {

    private final PolicyConfig policy;

    public DecisionCommitWriter(PolicyConfig policy) {
        this.policy = policy;
    }

    public Optional<CommitRequest> write(WorkingTree tree, Decision decision, Optional<OverrideFile> expired, Instant now)
            throws ManifestException {
        List<String> paths = new ArrayList<>();
        CommitMessage message = null;
        if (decision instanceof Decision.Change change && writeWeights(tree, change)) {
            paths.add(policy.virtualService().file());
            message = DecisionCommitMessage.of(policy, change, now);
        }
        if (expired.isPresent()) {
            String file = expired.get().source().file();
            delete(tree, file);
            paths.add(file);
            message = message == null ? expiryMessage(expired.get()) : message
                    .withTrailer(DecisionTrailers.OVERRIDE_EXPIRED, file);
        }
        return paths.isEmpty() ? Optional.empty()
                : Optional.of(CommitRequest.of(message, paths.toArray(String[]::new)));
    }

    private boolean writeWeights(WorkingTree tree, Decision.Change change) throws ManifestException {
        VirtualServiceConfig vs = policy.virtualService();
        try {
            return VirtualServiceWeights.writeFile(tree.directory(), vs.file(), vs.name(), weightsFor(vs, change));
        } catch (IOException e) {
            throw new ManifestException(SourceLocation.of(vs.file()), "cannot write the file: " + e, e);
        }
    }

    /** A spillover change writes its share; a band change the weights of its mode. */
    static Map<String, Integer> weightsFor(VirtualServiceConfig vs, Decision.Change change) {
        return change.share().map(move -> SpilloverWeights.of(vs, move.to())).orElseGet(() -> vs.weightsFor(change.to()));
    }

    private CommitMessage expiryMessage(OverrideFile override) {
        return CommitMessage.of("burst(" + policy.name() + "): override expired, automatic control resumes")
                .withBody("The override in " + override.source().file() + " held " + policy.name() + " "
                        + override.target() + " until " + override.until() + " (" + override.reason()
                        + ").\nIt has expired; the controller removes it and decides from the metric again.")
                .withTrailer(DecisionTrailers.POLICY, policy.name())
                .withTrailer(DecisionTrailers.OVERRIDE_EXPIRED, override.source().file());
    }

    private static void delete(WorkingTree tree, String file) throws ManifestException {
        try {
            Files.deleteIfExists(tree.directory().resolve(file));
        } catch (IOException e) {
            throw new ManifestException(SourceLocation.of(file), "cannot remove the expired override: " + e, e);
        }
    }
}

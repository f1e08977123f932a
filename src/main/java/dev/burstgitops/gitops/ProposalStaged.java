package dev.burstgitops.gitops;

import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A change staged on the base head and ready to push to the side branch: the tree it makes, the
 * message it will carry, and the {@link ProposalKey} a pull request remembers it by.
 */
record ProposalStaged(ObjectId base, ObjectId tree, String message, String key) {

    ProposalStaged {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(key, "key");
    }
}

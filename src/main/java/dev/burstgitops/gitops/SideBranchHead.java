package dev.burstgitops.gitops;

import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The commit a policy's side branch pointed at when it was last fetched: enough to tell whether
 * it already proposes what we would push, and to lease the next push on it.
 */
record SideBranchHead(ObjectId commit, List<ObjectId> parents, ObjectId tree, String message,
                      String committerName, String committerEmail) {

    SideBranchHead {
        Objects.requireNonNull(commit, "commit");
        parents = List.copyOf(parents);
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(committerEmail, "committerEmail");
    }

    /**
     * Whether the branch holds a single commit of the controller's own (committed with its
     * identity): only then may a new proposal replace it. A person who pushed a fix-up onto the
     * proposal must not lose it to the next poll.
     */
    boolean isOwnProposal(String ownEmail) {
        return parents.size() == 1 && committerEmail.equalsIgnoreCase(ownEmail);
    }

    /**
     * Whether this commit stands directly on {@code baseHead} with exactly {@code wantedTree}. The
     * message is not compared: it quotes the observed rate, which differs on every poll, and a new
     * commit for a new number alone would force-push (and notify reviewers) every second.
     */
    boolean proposes(ObjectId wantedTree, ObjectId baseHead) {
        return parents.equals(List.of(baseHead)) && tree.equals(wantedTree);
    }
}

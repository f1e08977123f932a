package dev.burstgitops.gitops;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code decide --dry-run}: takes the decision on a freshly refreshed tree exactly as a real
 * publisher would, and reports the commit it would make without making it. The edited files are
 * left in the command's own working copy, which the next refresh resets; nothing is committed
 * or pushed.
 */
public final class DryRunPublisher implements DecisionPublisher {

    private final GitWorkspace workspace;

    public DryRunPublisher(GitWorkspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    @Override
    public <E extends Exception> PublishResult publish(TreeChange<E> change) throws GitException, E {
        String head = workspace.refresh();
        Optional<CommitRequest> request = change.apply(new WorkingTree(workspace.directory(), head));
        return request.<PublishResult>map(commit -> new PublishResult.WouldCommit(head, commit))
                .orElseGet(() -> new PublishResult.NothingToDo(head));
    }
}

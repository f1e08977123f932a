package dev.burstgitops.controller;

import dev.burstgitops.gitops.CommitRequest;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.GitWorkspace;
import dev.burstgitops.gitops.PushOutcome;
import java.nio.file.Path;

/**
 * The real workspace, with something happening on the remote between the first fetch and the
 * first push: the only way to place a person's commit exactly inside that window.
 */
final class InterleavingWorkspace implements GitWorkspace {

    private final GitWorkspace real;
    private Runnable beforeFirstPush;

    InterleavingWorkspace(GitWorkspace real, Runnable beforeFirstPush) {
        this.real = real;
        this.beforeFirstPush = beforeFirstPush;
    }

    @Override
    public String refresh() throws GitException {
        return real.refresh();
    }

    @Override
    public Path directory() {
        return real.directory();
    }

    @Override
    public void exportTree(String revision, Path target) throws GitException {
        real.exportTree(revision, target);
    }

    @Override
    public PushOutcome commitAndPush(CommitRequest request) throws GitException {
        if (beforeFirstPush != null) {
            Runnable interleaved = beforeFirstPush;
            beforeFirstPush = null;
            interleaved.run();
        }
        return real.commitAndPush(request);
    }
}

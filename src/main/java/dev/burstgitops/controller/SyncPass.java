package dev.burstgitops.controller;

import dev.burstgitops.gitops.CommitTrailers;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.GitWorkspace;
import dev.burstgitops.gitops.Trailers;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.sync.WriteFence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One sync pass over every cluster, for {@code sync --once}: fetch, then render and apply each
 * cluster directory of the new head at the same time, so that a cluster that is slow to render,
 * slow or unreachable does not hold up the others. Nothing fetches meanwhile, so the working copy
 * is the revision's tree for the whole pass.
 */
public final class SyncPass {

    private final GitWorkspace workspace;
    private final List<ClusterSync> clusters;

    public SyncPass(GitWorkspace workspace, List<ClusterSync> clusters) {
        this.workspace = workspace;
        this.clusters = List.copyOf(clusters);
    }

    public List<ClusterPassResult> run(boolean dryRun) throws GitException {
        String head = workspace.refresh();
        Trailers trailers = CommitTrailers.of(workspace.directory(), head);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, clusters.size()));
        try {
            List<CompletableFuture<ClusterPassResult>> passes = new ArrayList<>();
            // A one-shot command has no lease to lose: nothing fences its writes.
            for (ClusterSync cluster : clusters) {
                passes.add(CompletableFuture.supplyAsync(() -> cluster.run(cluster.render(workspace.directory()), head,
                        trailers, dryRun, WriteFence.OPEN), pool));
            }
            return passes.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }
}

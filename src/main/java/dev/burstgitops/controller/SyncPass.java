package dev.burstgitops.controller;

import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.GitWorkspace;
import dev.burstgitops.manifest.RenderResult;
import dev.burstgitops.sync.WriteFence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One sync pass over every cluster, for {@code sync --once}: fetch, render every cluster
 * directory of the new head, then apply to the clusters at the same time, so that a slow or
 * unreachable cluster does not hold up the others.
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
        Map<ClusterSync, RenderResult> rendered = new LinkedHashMap<>();
        for (ClusterSync cluster : clusters) {
            rendered.put(cluster, cluster.render(workspace.directory()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, clusters.size()));
        try {
            List<CompletableFuture<ClusterPassResult>> passes = new ArrayList<>();
            // A one-shot command has no lease to lose: nothing fences its writes.
            rendered.forEach((cluster, render) -> passes.add(
                    CompletableFuture.supplyAsync(() -> cluster.run(render, head, dryRun, WriteFence.OPEN), pool)));
            return passes.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }
}

package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.gitops.JGitWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The sync loop of {@code run} as the controller builds it from a configuration file (its own
 * working copy, a connection per cluster), on the system clock; closes all of it.
 */
final class RunningSyncLoop implements AutoCloseable {

    private final JGitWorkspace workspace;
    private final List<ClusterSync> clusters;
    private final SyncLoop loop;

    RunningSyncLoop(Path configFile) throws Exception {
        BurstGitopsConfig config = ConfigLoader.load(configFile);
        workspace = Adapters.syncWorkspace(config, Clock.systemUTC());
        clusters = ClusterSyncs.connect(config, Optional.empty());
        loop = new SyncLoop(workspace, clusters, config.git().pollInterval(), config.sync().interval(),
                Clock.systemUTC());
    }

    SyncLoop loop() {
        return loop;
    }

    @Override
    public void close() throws Exception {
        loop.close();
        for (ClusterSync cluster : clusters) {
            cluster.close();
        }
        workspace.close();
    }
}

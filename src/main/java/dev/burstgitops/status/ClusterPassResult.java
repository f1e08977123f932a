package dev.burstgitops.status;

import dev.burstgitops.gitops.Revisions;
import dev.burstgitops.manifest.RenderProblem;
import dev.burstgitops.sync.SyncReport;
import java.util.List;

/**
 * How one cluster's sync pass ended. A render problem or an unreachable cluster is an outcome
 * of that cluster only; the other clusters' passes go on.
 */
public sealed interface ClusterPassResult {

    String cluster();

    String revision();

    /** Whether the pass should count as a failure (exit code, health, metrics). */
    boolean failed();

    /** One line for the terminal and the log. */
    String summary();

    /** Rendered and applied (or detected, or planned); per-object failures are in the report. */
    record Synced(SyncReport report) implements ClusterPassResult {
        @Override
        public String cluster() {
            return report.cluster();
        }

        @Override
        public String revision() {
            return report.revision();
        }

        @Override
        public boolean failed() {
            return report.failed() > 0;
        }

        @Override
        public String summary() {
            return report.summary();
        }
    }

    /** The directory did not render: nothing was applied or pruned. */
    record RenderFailed(String cluster, String revision, List<RenderProblem> problems) implements ClusterPassResult {
        @Override
        public boolean failed() {
            return true;
        }

        @Override
        public String summary() {
            return "sync " + cluster + " @" + Revisions.shortId(revision) + ": not applied, " + problems.size()
                    + " render problem" + (problems.size() == 1 ? "" : "s") + " (nothing applied or pruned)";
        }
    }

    /**
     * The pass could not run: the API server could not be reached, or refused the pass as a
     * whole (an expired token, a 5xx during discovery). Retried at the next tick.
     */
    /**
     * Stopped before any write: the cluster is not the one synced before, or its inventory is
     * another installation's. Until a person confirms ({@code sync.adoptCluster}), every pass ends so.
     */
    record Refused(String cluster, String revision, String message) implements ClusterPassResult {
        @Override
        public boolean failed() {
            return true;
        }

        @Override
        public String summary() {
            return "sync " + cluster + " @" + Revisions.shortId(revision) + ": refused: " + message;
        }
    }

    record Failed(String cluster, String revision, String message) implements ClusterPassResult {
        @Override
        public boolean failed() {
            return true;
        }

        @Override
        public String summary() {
            return "sync " + cluster + " @" + Revisions.shortId(revision) + ": failed: " + message;
        }
    }
}

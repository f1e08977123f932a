package dev.burstgitops.cli;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.controller.Adapters;
import dev.burstgitops.status.ClusterPassResult;
import dev.burstgitops.controller.ClusterSync;
import dev.burstgitops.controller.ClusterSyncs;
import dev.burstgitops.controller.SyncPass;
import dev.burstgitops.gitops.GitException;
import dev.burstgitops.gitops.JGitWorkspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sync --config F --once [--cluster N] [--dry-run [--diff]] [--ignore-leader] [-o json]}: one sync pass. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Apply each cluster directory of the repository to its cluster, once.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every cluster synced (with --dry-run: nothing would change)",
                "1:a cluster failed (render problem, unreachable, object refused), or with --dry-run something"
                        + " would change, as kubectl diff exits",
                "2:configuration error, or another replica holds the leader Lease (see --ignore-leader)",
                "4:Git failed"})
final class SyncCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--once", required = true, description = "Run one pass and exit (the loop is 'run').")
    boolean once;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Sync only this cluster.")
    Optional<String> cluster;

    @Option(names = "--dry-run", description = "Print the plan (create, update with the changed fields, "
            + "unchanged, prune) and write nothing.")
    boolean dryRun;

    @Option(names = "--diff", description = "Print every field that changes (or would change), with its value"
            + " before and after.")
    boolean diff;

    @Option(names = "--ignore-leader", description = "With leaderElection enabled, write even while another replica"
            + " holds the Lease; without it, sync refuses (exit 2) until the Lease is released or expired.")
    boolean ignoreLeader;

    @Mixin
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BurstGitopsConfig loaded;
        List<ClusterSync> clusters;
        try {
            loaded = config.load();
            // A dry run writes nothing, so it may run beside a leader.
            Optional<String> refusal = dryRun || ignoreLeader ? Optional.empty()
                    : LiveLeader.refusal(loaded, Clock.systemUTC());
            if (refusal.isPresent()) {
                err.println("sync: " + refusal.get());
                return ExitCodes.LEADER_ELSEWHERE;
            }
            clusters = ClusterSyncs.connect(loaded, cluster);
        } catch (ConfigException e) {
            return ConfigOption.report(e, err);
        }
        // A working copy of its own: a one-shot pass never resets the tree a running sync loop renders.
        try (JGitWorkspace workspace = Adapters.workspace(loaded, Clock.systemUTC(), "-sync-once")) {
            List<ClusterPassResult> results = new SyncPass(workspace, clusters).run(dryRun);
            if (output.json()) {
                OutputFormat.print(results.stream().map(ClusterPassResultJson::of).toList(), out);
            } else {
                results.forEach(result -> print(result, out, err));
            }
            boolean failed = results.stream().anyMatch(ClusterPassResult::failed);
            // Like kubectl diff: a dry run that finds something to change is a non-zero exit for scripts.
            boolean wouldChange = dryRun && results.stream().anyMatch(result -> result instanceof
                    ClusterPassResult.Synced synced && synced.report().driftDetected());
            return failed || wouldChange ? ExitCodes.PROBLEMS : ExitCodes.OK;
        } catch (GitException e) {
            err.println("Git failed: " + e.getMessage());
            return ExitCodes.GIT;
        } catch (ConfigException e) {
            return ConfigOption.report(e, err);
        } finally {
            for (ClusterSync sync : clusters) {
                sync.close();
            }
        }
    }

    private void print(ClusterPassResult result, PrintWriter out, PrintWriter err) {
        if (result instanceof ClusterPassResult.RenderFailed failed) {
            failed.problems().forEach(problem -> err.println(problem));
        }
        if (result instanceof ClusterPassResult.Synced synced) {
            if (diff) {
                synced.report().diffLines().forEach(line -> out.println("  " + line));
            } else if (dryRun) {
                synced.report().planLines().forEach(line -> out.println("  " + line));
            }
            synced.report().failures().forEach(failure -> err.println(failure));
            // "prune awaiting confirmation: 3 objects: ..." tells a person what to confirm, and how.
            synced.report().warnings().forEach(warning -> err.println("warning: " + warning));
        }
        out.println(result.summary());
    }
}

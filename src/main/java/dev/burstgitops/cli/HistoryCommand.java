package dev.burstgitops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.controller.Adapters;
import dev.burstgitops.record.DecisionRecord;
import dev.burstgitops.record.DecisionTimeline;
import dev.burstgitops.decision.DurationText;
import dev.burstgitops.gitops.JGitWorkspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code history --config F [POLICY] [--since 24h] [--json]}: the decision timeline from the trailers. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Print the decision timeline read from the commit trailers (fetches first).")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Parameters(arity = "0..1", paramLabel = "POLICY", description = "Only this policy.")
    Optional<String> policy;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only decisions newer than this (24h, 7d).")
    Optional<String> since;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Instant> earliest;
        try {
            earliest = since.map(text -> Instant.now().minus(DurationText.parse(text)));
        } catch (IllegalArgumentException e) {
            err.println("--since: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        // A configuration or Git failure goes to ExitCodeMapper.
        BurstGitopsConfig loaded = config.load();
        // A working copy of its own: a one-shot command never resets the tree a running sync loop renders.
        try (JGitWorkspace workspace = Adapters.workspace(loaded, Clock.systemUTC(), "-history")) {
            workspace.refresh();
            List<DecisionRecord> records = DecisionTimeline.read(workspace.directory(), loaded.git().branch(),
                    policy, earliest);
            print(records, out);
            return ExitCodes.OK;
        }
    }

    private void print(List<DecisionRecord> records, PrintWriter out) throws Exception {
        if (!json) {
            records.forEach(record -> out.println(record.line()));
            return;
        }
        ObjectMapper mapper = new ObjectMapper();
        for (DecisionRecord record : records) {
            out.println(mapper.writeValueAsString(record.asMap()));
        }
    }
}

package dev.burstgitops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.controller.Adapters;
import dev.burstgitops.policy.Simulation;
import dev.burstgitops.decision.Backtest;
import dev.burstgitops.decision.DurationText;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate --config F --policy NAME --from T --to T [--step D] [--json]}: a backtest of
 * one policy on Prometheus' history, before it is merged. Nothing is committed.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Replay a policy over a past range of its metric and print the changes it would have made.")
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--policy", required = true, paramLabel = "NAME", description = "The policy to replay.")
    String policy;

    @Option(names = "--from", required = true, paramLabel = "TIME",
            description = "Start: RFC 3339 (2026-11-25T00:00:00Z), or now-DURATION (now-24h).")
    String from;

    @Option(names = "--to", defaultValue = "now", paramLabel = "TIME", description = "End, as --from; default now.")
    String to;

    @Option(names = "--step", paramLabel = "DURATION", description = "Time between replayed polls; default the policy's interval.")
    Optional<String> step;

    @Option(names = "--json", description = "One JSON object per change, then a summary object.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            BurstGitopsConfig loaded = config.load();
            PolicyConfig replayed = loaded.policies().stream().filter(p -> p.name().equals(policy)).findFirst()
                    .orElseThrow(() -> new ConfigException("policies: no policy named '" + policy + "'"));
            Instant now = Instant.now();
            Instant start = time("--from", from, now);
            Instant end = time("--to", to, now);
            Duration every = step.map(text -> duration("--step", text)).orElse(replayed.interval());
            Backtest.Summary summary = Simulation.run(Adapters.prometheusHistory(loaded), replayed, start, end, every,
                    change -> print(change, out));
            print(summary, out);
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            // A bad --from, --to or --step; configuration and query failures go to ExitCodeMapper.
            err.println(e.getMessage());
            return ExitCodes.CONFIG;
        }
    }

    private void print(Backtest.Change change, PrintWriter out) {
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("time", change.at().toString());
            object.put("from", change.fromLabel());
            object.put("to", change.toLabel());
            object.put("observed", change.observed().describe());
            object.put("rule", change.rule());
            change.share().ifPresent(move -> object.put("share", move.to()));
            out.println(asJson(object));
        } else {
            out.printf("%s  %s -> %s at %s (%s)%n", change.at(), change.fromLabel(), change.toLabel(),
                    change.observed().describe(), change.rule());
        }
        out.flush();
    }

    private void print(Backtest.Summary summary, PrintWriter out) {
        Duration span = Duration.between(summary.from(), summary.to());
        Map<String, Duration> timeInEach = summary.timeInEach();
        if (json) {
            Map<String, Object> seconds = new LinkedHashMap<>();
            timeInEach.forEach((label, in) -> seconds.put(label, in.toSeconds()));
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("summary", Map.of("from", summary.from().toString(), "to", summary.to().toString()));
            object.put("changes", summary.changes());
            object.put("secondsIn", seconds);
            out.println(asJson(object));
            return;
        }
        StringBuilder line = new StringBuilder(policy + ": " + summary.changes() + " change"
                + (summary.changes() == 1 ? "" : "s") + " from " + summary.from() + " to " + summary.to());
        timeInEach.forEach((label, in) -> line.append("; ").append(label).append(' ')
                .append(DurationText.format(in)).append(" (")
                .append(span.isZero() ? 0 : Math.round(100.0 * in.toMillis() / span.toMillis())).append("%)"));
        out.println(line);
    }

    private String asJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant time(String option, String text, Instant now) {
        String trimmed = text.trim();
        if (trimmed.equals("now")) {
            return now;
        }
        if (trimmed.startsWith("now-")) {
            return now.minus(duration(option, trimmed.substring(4)));
        }
        try {
            return Instant.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is neither RFC 3339 nor now-DURATION");
        }
    }

    private static Duration duration(String option, String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }
}

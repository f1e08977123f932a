package dev.burstgitops.cli;

import ch.qos.logback.classic.Level;
import dev.burstgitops.decision.DurationText;
import dev.burstgitops.demo.DemoOptions;
import dev.burstgitops.demo.DemoRun;
import dev.burstgitops.demo.DemoScenario;
import dev.burstgitops.demo.DemoScenarioReader;
import dev.burstgitops.demo.LocalPrometheus;
import dev.burstgitops.demo.PeerBinaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo [--duration 3m] [--scenario F] [--keep DIR] [--json]}: the whole loop on 127.0.0.1. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole loop on this machine for a few minutes: two real kube-apiservers on a real "
                + "etcd (no nodes: nothing runs in them), a local Git repository, the real Prometheus scraping "
                + "simulated traffic, and the controller bursting and returning.",
                "Needs the prometheus binary (sudo apt-get install -y --no-install-recommends prometheus) and the "
                        + "Kubernetes peers bin/install-peers builds; bin/demo installs both."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "3m",
            description = "How long the traffic and the loops run (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "A YAML scenario of request-rate phases and policy timings (see docs/demo.md).")
    Optional<Path> scenario;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Leave the repository, kubeconfigs and configuration in DIR (new or empty).")
    Optional<Path> keep;

    @Option(names = "--json", description = "Events as JSON lines, a summary object last.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoOptions options;
        try {
            Duration length = DurationText.parse(duration);
            if (length.isZero() || length.isNegative()) {
                throw new IllegalArgumentException("--duration: must be more than 0s");
            }
            keep.ifPresent(DemoCommand::requireNewOrEmpty);
            DemoScenario chosen = scenario.map(DemoScenarioReader::read).orElseGet(DemoScenarioReader::readDefault);
            options = new DemoOptions(length, chosen, keep, json);
        } catch (IllegalArgumentException e) {
            err.println("burst-gitops demo: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        PeerBinaries kubernetes;
        try {
            kubernetes = PeerBinaries.installed();
        } catch (IllegalStateException e) {
            // Its message names the missing file and bin/install-peers: all a person needs, no trace.
            err.println("burst-gitops demo: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        Optional<Path> prometheus = LocalPrometheus.findBinary();
        if (prometheus.isEmpty()) {
            err.println("burst-gitops demo: the prometheus binary is not on the PATH. Install it with:");
            err.println("  " + LocalPrometheus.INSTALL_COMMAND);
            err.println("(bin/demo installs it for you.)");
            return ExitCodes.CONFIG;
        }
        quietLogs();
        DemoRun run = new DemoRun();
        // Ctrl-C: stop the loops, the peers and the traffic, and still print the history.
        Thread onCtrlC = new Thread(() -> {
            try {
                run.stop(Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            run.run(options, prometheus.get(), kubernetes, out);
            return ExitCodes.OK;
        } finally {
            removeHook(onCtrlC);
        }
    }

    /** Refused before anything starts: a kept directory from an earlier run would mix two demos. */
    private static void requireNewOrEmpty(Path dir) {
        try (var entries = Files.exists(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("--keep " + dir + ": the directory is not empty");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--keep " + dir + ": " + e.getMessage());
        }
    }

    /** The timeline is the output; the controller's INFO log would drown it. */
    private static void quietLogs() {
        if (System.getenv("BURST_GITOPS_LOG_LEVEL") == null
                && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for this run to finish, which it now has
        }
    }
}

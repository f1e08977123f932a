package dev.burstgitops.demo;

import dev.burstgitops.decision.DurationText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a scenario file (format in docs/demo.md). Like the configuration, an unknown key is an
 * error that names its path: a misspelt {@code rampto} silently ignored would make a demo that
 * never bursts, and nobody would know why.
 */
public final class DemoScenarioReader {

    /** The scenario {@code bin/demo} runs when no {@code --scenario} is given. */
    public static final String DEFAULT_RESOURCE = "demo/default-scenario.yaml";

    private DemoScenarioReader() {
    }

    public static DemoScenario readDefault() {
        try (InputStream in = DemoScenarioReader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DemoScenario read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static DemoScenario parse(String text, String fileName) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new ScenarioException(fileName + ": not valid YAML: " + e.getMessage());
        }
        Map<?, ?> top = map(root, fileName, "the document");
        onlyKeys(top, Set.of("phases", "policy", "burstWorker"), fileName, "");
        if (!(top.get("phases") instanceof List<?> items) || items.isEmpty()) {
            throw new ScenarioException(fileName + ": phases: a list of at least one phase is required");
        }
        List<ScenarioPhase> phases = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            phases.add(phase(map(items.get(i), fileName, "phases[" + i + "]"), fileName, "phases[" + i + "]"));
        }
        PolicyTimings timings = top.containsKey("policy")
                ? timings(map(top.get("policy"), fileName, "policy"), fileName) : PolicyTimings.demoDefaults();
        Duration availableAfter = DemoScenario.DEFAULT_BURST_WORKER_AVAILABLE_AFTER;
        if (top.containsKey("burstWorker")) {
            Map<?, ?> burstWorker = map(top.get("burstWorker"), fileName, "burstWorker");
            onlyKeys(burstWorker, Set.of("availableAfter"), fileName, "burstWorker");
            availableAfter = duration(burstWorker.get("availableAfter"), fileName, "burstWorker.availableAfter");
        }
        return new DemoScenario(phases, timings, availableAfter);
    }

    private static ScenarioPhase phase(Map<?, ?> item, String file, String path) {
        if (item.containsKey("rate")) {
            onlyKeys(item, Set.of("rate", "for"), file, path);
            return new ScenarioPhase.Steady(rate(item.get("rate"), file, path + ".rate"),
                    duration(item.get("for"), file, path + ".for"));
        }
        if (item.containsKey("rampTo")) {
            onlyKeys(item, Set.of("rampTo", "over"), file, path);
            return new ScenarioPhase.Ramp(rate(item.get("rampTo"), file, path + ".rampTo"),
                    duration(item.get("over"), file, path + ".over"));
        }
        if (item.containsKey("hold")) {
            onlyKeys(item, Set.of("hold"), file, path);
            return new ScenarioPhase.Hold(duration(item.get("hold"), file, path + ".hold"));
        }
        throw new ScenarioException(file + ": " + path + ": expected {rate, for}, {rampTo, over} or {hold}");
    }

    private static PolicyTimings timings(Map<?, ?> policy, String file) {
        onlyKeys(policy, Set.of("enterFor", "exitFor", "cooldown"), file, "policy");
        PolicyTimings defaults = PolicyTimings.demoDefaults();
        return new PolicyTimings(
                policy.containsKey("enterFor") ? duration(policy.get("enterFor"), file, "policy.enterFor")
                        : defaults.enterFor(),
                policy.containsKey("exitFor") ? duration(policy.get("exitFor"), file, "policy.exitFor")
                        : defaults.exitFor(),
                policy.containsKey("cooldown") ? duration(policy.get("cooldown"), file, "policy.cooldown")
                        : defaults.cooldown());
    }

    private static double rate(Object value, String file, String path) {
        if (value instanceof Number number && number.doubleValue() >= 0 && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw new ScenarioException(file + ": " + path + ": a rate in req/s (a number, 0 or more) is required");
    }

    private static Duration duration(Object value, String file, String path) {
        if (value == null) {
            throw new ScenarioException(file + ": " + path + ": a duration such as 30s or 2m is required");
        }
        try {
            return DurationText.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(file + ": " + path + ": " + e.getMessage());
        }
    }

    private static Map<?, ?> map(Object node, String file, String path) {
        if (node instanceof Map<?, ?> map) {
            return map;
        }
        throw new ScenarioException(file + ": " + path + ": a mapping is required");
    }

    private static void onlyKeys(Map<?, ?> map, Set<String> allowed, String file, String path) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new ScenarioException(file + ": " + (path.isEmpty() ? "" : path + ".") + key
                        + ": unknown key (expected one of " + String.join(", ", allowed.stream().sorted().toList())
                        + ")");
            }
        }
    }

    /** A scenario that cannot be used; the message names the file and the key path. */
    public static final class ScenarioException extends IllegalArgumentException {
        public ScenarioException(String message) {
            super(message);
        }
    }
}

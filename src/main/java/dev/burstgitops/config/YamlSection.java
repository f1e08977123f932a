package dev.burstgitops.config;

import dev.burstgitops.decision.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One mapping of the configuration file, read key by key. Every accessor knows the key path
 * and the line, so a problem reads {@code burst-gitops.yaml:12: git.pollInterval: ...}; keys
 * that no accessor asked for are reported by {@link #rejectUnknownKeys()}, because a misspelt
 * key silently ignored is a setting silently not applied.
 */
final class YamlSection {

    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();
    private final ConfigProblems problems;
    private final Path baseDir;

    YamlSection(String path, Node node, ConfigProblems problems, Path baseDir) {
        this.path = path;
        this.node = node;
        this.problems = problems;
        this.baseDir = baseDir;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                entries.put(scalarText(tuple.getKeyNode()), tuple);
            }
        } else if (node != null) {
            problems.add(node, path.isEmpty() ? "(top level)" : path, "must be a mapping of keys to values");
        }
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Node nodeOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? node : tuple.getValueNode();
    }

    void problem(String key, String message) {
        problems.add(nodeOf(key), keyPath(key), message);
    }

    String string(String key) {
        String value = optionalString(key).orElse(null);
        if (value == null && !has(key)) {
            problem(key, "is required");
        }
        return value;
    }

    String string(String key, String fallback) {
        return optionalString(key).orElse(fallback);
    }

    Optional<String> optionalString(String key) {
        read.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
            problem(key, "must be a single value");
            return Optional.empty();
        }
        String value = scalar.getValue().trim();
        if (value.isEmpty()) {
            problem(key, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    double number(String key) {
        String text = string(key);
        if (text == null) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the key
        }
        problem(key, "must be a number, not '" + text + "'");
        return Double.NaN;
    }

    int integer(String key, int fallback) {
        Optional<String> text = optionalString(key);
        try {
            return text.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            problem(key, "must be a whole number, not '" + text.get() + "'");
            return fallback;
        }
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> text = optionalString(key).map(t -> t.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return fallback;
        }
        if (!text.get().equals("true") && !text.get().equals("false")) {
            problem(key, "must be true or false, not '" + text.get() + "'");
            return fallback;
        }
        return Boolean.parseBoolean(text.get());
    }

    Duration duration(String key, Duration fallback) {
        Optional<String> text = optionalString(key);
        try {
            Duration value = text.map(DurationText::parse).orElse(fallback);
            if (value != null && value.isNegative()) {
                problem(key, "must not be negative");
            }
            return value;
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return fallback;
        }
    }

    /** One of a fixed set of words ({@code direct | pull-request}); the map gives their meaning. */
    <T> T choice(String key, Map<String, T> choices, String fallback) {
        String text = string(key, fallback);
        T value = text == null ? null : choices.get(text);
        if (value == null && text != null) {
            problem(key, "must be one of " + String.join(", ", choices.keySet()) + ", not '" + text + "'");
            return choices.get(fallback);
        }
        return value;
    }

    /** A path; relative paths are taken from the configuration file's directory. */
    Path path(String key, Path fallback) {
        return optionalString(key).map(baseDir::resolve).map(Path::normalize).orElse(fallback);
    }

    Optional<YamlSection> section(String key) {
        read.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple == null ? Optional.empty()
                : Optional.of(new YamlSection(keyPath(key), tuple.getValueNode(), problems, baseDir));
    }

    /** A section that may be left out: then every key in it takes its default. */
    YamlSection sectionOrEmpty(String key) {
        return section(key).orElseGet(() -> new YamlSection(keyPath(key), null, problems, baseDir));
    }

    List<YamlSection> sections(String key) {
        List<YamlSection> items = new ArrayList<>();
        for (Node item : sequence(key)) {
            items.add(new YamlSection(keyPath(key) + "[" + items.size() + "]", item, problems, baseDir));
        }
        return items;
    }

    /** A mapping of names to single values ({@code adoptCluster: {east: 6f1c...}}), in file order. */
    Map<String, String> strings(String key) {
        Map<String, String> values = new LinkedHashMap<>();
        section(key).ifPresent(section -> section.entries.keySet().forEach(name -> {
            String value = section.string(name);
            if (value != null) {
                values.put(name, value);
            }
        }));
        return values;
    }

    List<String> strings(String key, List<String> fallback) {
        if (!has(key)) {
            read.add(key);
            return fallback;
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence(key)) {
            if (item instanceof ScalarNode scalar) {
                values.add(scalar.getValue());
            } else {
                problems.add(item, keyPath(key) + "[" + values.size() + "]", "must be a single value");
            }
        }
        return values;
    }

    private List<Node> sequence(String key) {
        read.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return List.of();
        }
        if (tuple.getValueNode() instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problem(key, "must be a list");
        return List.of();
    }

    /** Reports every key of this mapping that nothing asked for. */
    void rejectUnknownKeys() {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!read.contains(entry.getKey())) {
                problems.add(entry.getValue().getKeyNode(), keyPath(entry.getKey()), unknownKeyMessage(entry.getKey()));
            }
        }
    }

    private String unknownKeyMessage(String key) {
        if (key.equals("token") || key.equals("password") || key.equals("bearerToken")) {
            return "secrets are never written in the configuration; name a file (" + key
                    + "File) or an environment variable (" + key + "Env)";
        }
        List<String> known = new ArrayList<>(read);
        known.sort(null);
        return "unknown key (known here: " + String.join(", ", known) + ")";
    }

    private static String scalarText(Node key) {
        return key instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(key);
    }
}

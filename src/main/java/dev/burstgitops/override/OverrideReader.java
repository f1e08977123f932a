package dev.burstgitops.override;

import dev.burstgitops.decision.Mode;
import dev.burstgitops.manifest.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and checks {@code overrides/<policy>.yaml}. The rules: the file names its own policy;
 * {@code mode} is burst or natural; {@code until} is an RFC 3339 time, required so that every
 * override ends on its own, and at most {@code maxOverrideDuration} ahead; {@code reason} says
 * why, for the record.
 */
public final class OverrideReader {

    private static final Set<String> KEYS = Set.of("policy", "mode", "until", "reason");

    private final Duration maxDuration;

    public OverrideReader(Duration maxDuration) {
        this.maxDuration = maxDuration;
    }

    public OverrideLookup lookup(Path repository, String policy, Instant now) {
        String file = OverrideFile.pathFor(policy);
        Path path = repository.resolve(file);
        if (!Files.isRegularFile(path)) {
            return new OverrideLookup.Absent();
        }
        try {
            return check(Files.readString(path, StandardCharsets.UTF_8), file, policy, now);
        } catch (IOException e) {
            return new OverrideLookup.Invalid(file, List.of(file + ": cannot read: " + e.getMessage()));
        }
    }

    /** Checks an override's text; {@code expectedPolicy} is the policy its file name gives. */
    public OverrideLookup check(String text, String file, String expectedPolicy, Instant now) {
        List<String> problems = new ArrayList<>();
        Map<String, ScalarNode> fields = fields(text, file, problems);
        if (!problems.isEmpty()) {
            return new OverrideLookup.Invalid(file, problems);
        }
        String policy = required(fields, "policy", file, problems);
        if (policy != null && !policy.equals(expectedPolicy)) {
            problems.add(at(file, fields.get("policy")) + "policy '" + policy + "' does not match the file name ("
                    + OverrideFile.pathFor(expectedPolicy) + ")");
        }
        Optional<Mode> mode = mode(fields, file, problems);
        Instant until = until(fields, file, problems, now);
        String reason = required(fields, "reason", file, problems);
        if (!problems.isEmpty()) {
            return new OverrideLookup.Invalid(file, problems);
        }
        OverrideFile override = new OverrideFile(policy, mode, until, reason, SourceLocation.of(file));
        return override.expiredAt(now) ? new OverrideLookup.Expired(override) : new OverrideLookup.InForce(override);
    }

    private Instant until(Map<String, ScalarNode> fields, String file, List<String> problems, Instant now) {
        String text = required(fields, "until", file, problems);
        if (text == null) {
            return null;
        }
        try {
            Instant until = OffsetDateTime.parse(text).toInstant();
            if (until.isAfter(now.plus(maxDuration))) {
                problems.add(at(file, fields.get("until")) + "until " + until + " is more than maxOverrideDuration ("
                        + dev.burstgitops.decision.DurationText.format(maxDuration) + ") ahead");
            }
            return until;
        } catch (DateTimeParseException e) {
            problems.add(at(file, fields.get("until")) + "until must be an RFC 3339 time such as "
                    + "2026-11-27T06:00:00Z, not '" + text + "'");
            return null;
        }
    }

    /** The mode to hold, empty for a suspension, or null when a problem was reported. */
    private static Optional<Mode> mode(Map<String, ScalarNode> fields, String file, List<String> problems) {
        String text = required(fields, "mode", file, problems);
        try {
            return text == null ? null : OverrideFile.parseTarget(text);
        } catch (IllegalArgumentException e) {
            problems.add(at(file, fields.get("mode")) + e.getMessage());
            return null;
        }
    }

    private static String required(Map<String, ScalarNode> fields, String key, String file, List<String> problems) {
        ScalarNode node = fields.get(key);
        if (node == null || node.getValue().isBlank()) {
            problems.add(file + ": " + key + " is required");
            return null;
        }
        return node.getValue().trim();
    }

    private static Map<String, ScalarNode> fields(String text, String file, List<String> problems) {
        Map<String, ScalarNode> fields = new LinkedHashMap<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(file + ":" + line + ": not valid YAML: " + e.getProblem());
            return fields;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(file + ": must be a mapping with policy, mode, until and reason");
            return fields;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(tuple.getKeyNode());
            if (!KEYS.contains(key)) {
                problems.add(at(file, tuple.getKeyNode()) + "unknown key '" + key + "' (policy, mode, until, reason)");
            } else if (tuple.getValueNode() instanceof ScalarNode scalar) {
                fields.put(key, scalar);
            } else {
                problems.add(at(file, tuple.getValueNode()) + key + " must be a single value");
            }
        }
        return fields;
    }

    private static String at(String file, Node node) {
        return node == null ? file + ": " : file + ":" + (node.getStartMark().getLine() + 1) + ": ";
    }
}

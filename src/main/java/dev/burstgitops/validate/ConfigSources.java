package dev.burstgitops.validate;

import dev.burstgitops.manifest.RepositoryLimits;
import dev.burstgitops.manifest.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The controller's configuration, wherever the layout keeps it: {@code burst-gitops.yaml} at
 * the root, and every ConfigMap whose {@code data} holds a {@code burst-gitops.yaml} key. The
 * reference layout has no root file: its configuration is the ConfigMap the controller mounts
 * ({@code apps/burst-gitops/configmap.yaml}), and a key misspelt there merges unchecked and
 * crash-loops the controller on its next start, so that it cannot sync its own fix.
 *
 * @param sources  the root file first, then each ConfigMap by file and position
 * @param problems what makes a found configuration unreadable: a root file that cannot be read,
 *                 a data value that is no text
 */
record ConfigSources(List<ConfigSource> sources, List<ValidationProblem> problems) {

    private static final String CONFIG_MAP = "ConfigMap";

    /** @param yamlFiles the repository's YAML files to look for ConfigMaps in */
    static ConfigSources find(Path root, Collection<String> yamlFiles) {
        List<ConfigSource> sources = new ArrayList<>();
        List<ValidationProblem> problems = new ArrayList<>();
        Path rootFile = root.resolve(ConfigSource.FILE);
        if (Files.isRegularFile(rootFile)) {
            try {
                sources.add(ConfigSource.rootFile(Files.readString(rootFile, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                problems.add(new ValidationProblem(SourceLocation.of(ConfigSource.FILE), "cannot be read: " + e.getMessage()));
            }
        }
        yamlFiles.stream().filter(file -> !file.equals(ConfigSource.FILE)).sorted().forEach(file ->
                text(root.resolve(file)).ifPresent(text -> embeddedIn(file, text, sources, problems)));
        return new ConfigSources(sources, problems);
    }

    /** The file's text, when it may embed a configuration; most files are passed over unparsed. */
    private static Optional<String> text(Path path) {
        try {
            if (Files.size(path) > RepositoryLimits.DEFAULTS.maxFileBytes()) {
                return Optional.empty();  // the read of the repository reports a file this big
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return text.contains(CONFIG_MAP) && text.contains(ConfigSource.FILE) ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();  // unreadable or not UTF-8: the read of the repository reports it
        }
    }

    private static void embeddedIn(String file, String text, List<ConfigSource> sources, List<ValidationProblem> problems) {
        try {
            for (Node document : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
                if (CONFIG_MAP.equals(scalar(document, "kind"))) {
                    entry(child(document, "data"), ConfigSource.FILE).ifPresent(tuple -> {
                        if (tuple.getValueNode() instanceof ScalarNode embedded) {
                            sources.add(ConfigSource.embedded(file, tuple.getKeyNode(), embedded));
                        } else {
                            problems.add(notText(file, tuple.getValueNode()));
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            // A syntax error: reported by the read of the repository, at its line.
        }
    }

    private static ValidationProblem notText(String file, Node value) {
        String shape = value instanceof SequenceNode ? "a list" : value instanceof MappingNode ? "a mapping" : "no text";
        return new ValidationProblem(new SourceLocation(file, value.getStartMark().getLine() + 1), "data."
                + ConfigSource.FILE + ": is " + shape + "; the controller reads the configuration as text, so write it"
                + " as a block scalar (" + ConfigSource.FILE + ": |)");
    }

    private static String scalar(Node node, String key) {
        return child(node, key)
                .filter(ScalarNode.class::isInstance).map(value -> ((ScalarNode) value).getValue()).orElse(null);
    }

    /** The key's entry of a mapping, key node included (its line stands for the whole value). */
    private static Optional<NodeTuple> entry(Optional<Node> node, String key) {
        if (node.isPresent() && node.get() instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return Optional.of(tuple);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Node> child(Node node, String key) {
        return entry(Optional.of(node), key).map(NodeTuple::getValueNode);
    }
}

package dev.burstgitops.manifest;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a route {@code weight:} value, accepting only what Kubernetes and a person read the
 * same way: a plain, unquoted decimal integer.
 *
 * <p>A quoted weight ({@code weight: '50'}) is rejected rather than rewritten as a number:
 * it is a string to the API server, so the file is already wrong, and silently "fixing" it
 * inside an automated commit would hide that from the person reading the history.
 * Leading zeros are rejected too, since YAML 1.1 parsers read {@code 010} as octal 8.
 */
final class WeightValue {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,8}");

    private WeightValue() {
    }

    static int parse(Node node, VirtualServiceSource source) throws ManifestException {
        SourceLocation location = source.location(node);
        if (node.getAnchor() != null) {
            // An anchored weight is shared with its aliases: setting one route's weight
            // would silently set the others too.
            throw new ManifestException(location, "weight uses the YAML anchor/alias '" + node.getAnchor()
                    + "'; write the number itself so that each route's weight can change alone");
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new ManifestException(location, "weight must be an integer, found a " + node.getNodeId());
        }
        String value = scalar.getValue();
        if (scalar.getScalarStyle() != ScalarStyle.PLAIN) {
            throw new ManifestException(location, "weight '" + value + "' is quoted, so Kubernetes reads it as a"
                    + " string; write it as a plain integer");
        }
        if (!Tag.INT.equals(scalar.getTag()) || !DECIMAL.matcher(value).matches()) {
            throw new ManifestException(location, "weight must be a plain decimal integer, found '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}

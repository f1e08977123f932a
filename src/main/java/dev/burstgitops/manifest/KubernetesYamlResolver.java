package dev.burstgitops.manifest;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Decides the type of a plain (unquoted) scalar the way Kubernetes tooling reads manifests,
 * not the way YAML 1.1 does.
 *
 * <p>SnakeYAML follows YAML 1.1: {@code yes}/{@code no}/{@code on}/{@code off} become booleans,
 * {@code 2026-01-01} becomes a {@link java.util.Date} and {@code 12:30} a sexagesimal integer.
 * kustomize (go-yaml v3) keeps all of those as strings, so a label {@code enabled: yes} or an
 * env value {@code "on"} written without quotes must not change meaning here either. What is
 * kept from YAML 1.1 is what Kubernetes users rely on: a leading {@code 0} is octal
 * ({@code defaultMode: 0644} is 420, as kubectl reads it) and {@code 0x}/{@code 0b} integers.
 * Everything not matched below is a string.
 */
final class KubernetesYamlResolver extends Resolver {

    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern INTEGER = Pattern.compile(
            "^(?:[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$");
    private static final Pattern FLOATING = Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL| )$");
    private static final Pattern EMPTY = Pattern.compile("^$");
    private static final Pattern MERGE_KEY = Pattern.compile("^(?:<<)$");

    @Override
    protected void addImplicitResolvers() {
        // Order matters: a digit string is tried as an integer before a float.
        addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
        addImplicitResolver(Tag.INT, INTEGER, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOATING, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE_KEY, "<");
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
    }
}

package dev.burstgitops.testing;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.manifest.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Builds {@link ManifestObject}s from YAML text the way the renderer will: one object per
 * document, with the file and the line the document starts on. Stands in for the renderer in
 * sync tests.
 */
public final class KubeManifests {

    private KubeManifests() {
    }

    /** One object per document; its line is the document's first line that is neither blank nor a comment. */
    @SuppressWarnings("unchecked")
    public static List<ManifestObject> parse(String file, String yaml) {
        List<ManifestObject> objects = new ArrayList<>();
        String[] lines = yaml.split("\n", -1);
        int documentStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || lines[i].matches("---\\s*")) {
                String document = String.join("\n", java.util.Arrays.copyOfRange(lines, documentStart, i));
                Object parsed = new Yaml().load(document);
                if (parsed instanceof Map<?, ?> map) {
                    int line = firstContentLine(lines, documentStart, i) + 1;
                    objects.add(new ManifestObject((Map<String, Object>) map, new SourceLocation(file, line)));
                }
                documentStart = i + 1;
            }
        }
        return objects;
    }

    private static int firstContentLine(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            String trimmed = lines[i].trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                return i;
            }
        }
        return from;
    }

    /** The objects of a YAML file under {@code src/test/resources}, named as if it sat at {@code repoPath}. */
    public static List<ManifestObject> resource(String resource, String repoPath) {
        return parse(repoPath, text(resource));
    }

    /** The text of a test resource, to edit before parsing. */
    public static String text(String resource) {
        try (var in = KubeManifests.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every object of {@code objects} but those with the given kind and name. */
    public static List<ManifestObject> without(List<ManifestObject> objects, String kind, String name) {
        return objects.stream().filter(o -> !(o.kind().equals(kind) && o.name().equals(name))).toList();
    }
}

package dev.burstgitops.testing;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.manifest.SourceLocation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Builds {@link ManifestObject}s from YAML text the way the renderer will: one object per
 * document, with the file and the line the document starts on. Stands in for the renderer in
 * sync tests.
 */
public final class KubeManifests {

    private KubeManifests() {
    }

    @SuppressWarnings("unchecked")
    public static List<ManifestObject> parse(String file, String yaml) {
        List<ManifestObject> objects = new ArrayList<>();
        Iterator<Node> nodes = new Yaml().composeAll(new StringReader(yaml)).iterator();
        for (Object document : new Yaml().loadAll(yaml)) {
            Node node = nodes.next();
            if (document != null) {
                int line = node.getStartMark().getLine() + 1;
                objects.add(new ManifestObject((Map<String, Object>) document, new SourceLocation(file, line)));
            }
        }
        return objects;
    }

    /** Every object of {@code objects} but those with the given kind and name. */
    public static List<ManifestObject> without(List<ManifestObject> objects, String kind, String name) {
        return objects.stream().filter(o -> !(o.kind().equals(kind) && o.name().equals(name))).toList();
    }
}

package dev.burstgitops.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Finds the one Istio VirtualService of a given name among the documents of a file.
 *
 * <p>When it is missing, the error lists the VirtualServices the file does have: the usual
 * cause is a policy naming the wrong file or a renamed object, and the list says which.
 */
final class VirtualServiceLocator {

    private static final String ISTIO_NETWORKING = "networking.istio.io/";

    private VirtualServiceLocator() {
    }

    static VirtualServiceDocument find(VirtualServiceSource source, String name) throws ManifestException {
        List<MappingNode> virtualServices = new ArrayList<>();
        for (Node document : source.documents()) {
            if (document instanceof MappingNode mapping && isIstioVirtualService(mapping)) {
                virtualServices.add(mapping);
            }
        }
        List<MappingNode> named = virtualServices.stream().filter(vs -> name.equals(nameOf(vs))).toList();
        if (named.isEmpty()) {
            throw new ManifestException(SourceLocation.of(source.file()),
                    "no VirtualService named '" + name + "'; " + describe(virtualServices, source));
        }
        if (named.size() > 1) {
            // Two namespaces, one file: the caller names only the object, so either choice
            // could be the wrong one.
            throw new ManifestException(source.location(named.get(1)),
                    "a second VirtualService named '" + name + "' (the first is at line "
                            + source.location(named.get(0)).line() + ")");
        }
        return new VirtualServiceDocument(named.get(0), name, source);
    }

    private static boolean isIstioVirtualService(MappingNode document) {
        return VirtualServiceNodes.text(document, "kind").filter("VirtualService"::equals).isPresent()
                && VirtualServiceNodes.text(document, "apiVersion").filter(v -> v.startsWith(ISTIO_NETWORKING)).isPresent();
    }

    private static String nameOf(MappingNode document) {
        return VirtualServiceNodes.value(document, "metadata")
                .filter(MappingNode.class::isInstance)
                .flatMap(metadata -> VirtualServiceNodes.text((MappingNode) metadata, "name"))
                .orElse(null);
    }

    private static String describe(List<MappingNode> virtualServices, VirtualServiceSource source) {
        if (virtualServices.isEmpty()) {
            return "the file has no VirtualService (" + ISTIO_NETWORKING + "*)";
        }
        return "the file has " + virtualServices.stream()
                .map(vs -> "'" + nameOf(vs) + "' (line " + source.location(vs).line() + ")")
                .collect(Collectors.joining(", "));
    }
}

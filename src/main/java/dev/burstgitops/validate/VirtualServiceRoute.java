package dev.burstgitops.validate;

import dev.burstgitops.manifest.ManifestObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One route of a VirtualService ({@code spec.http[i]}, {@code spec.tcp[i]} or
 * {@code spec.tls[i]}) and the destinations it sends to.
 *
 * @param protocol     {@code http}, {@code tcp} or {@code tls}
 * @param index        i
 * @param destinations {@code route[]}, in order
 */
record VirtualServiceRoute(String protocol, int index, List<Destination> destinations) {

    private static final List<String> PROTOCOLS = List.of("http", "tcp", "tls");

    /**
     * One entry of {@code route[]}.
     *
     * @param item   its position in {@code route[]}
     * @param subset null when the destination names none
     * @param weight as written (a number, or text a person typed); null when there is no {@code weight:}
     */
    record Destination(int item, String host, String subset, Object weight) {

        /** How the weight message names it: by subset, which is what the split is between. */
        String label() {
            return subset != null ? subset : host;
        }
    }

    static List<VirtualServiceRoute> of(ManifestObject virtualService) {
        Map<String, Object> spec = IstioObjects.map(virtualService.content().get("spec"));
        List<VirtualServiceRoute> routes = new ArrayList<>();
        for (String protocol : PROTOCOLS) {
            List<?> entries = IstioObjects.list(spec.get(protocol));
            for (int i = 0; i < entries.size(); i++) {
                routes.add(new VirtualServiceRoute(protocol, i, destinations(entries.get(i))));
            }
        }
        return routes;
    }

    /** "route 0" for HTTP, the usual case and the one the burst split is; "tcp route 0" otherwise. */
    String describe() {
        return (protocol.equals("http") ? "" : protocol + " ") + "route " + index;
    }

    /** The path from the document root to this route, for its line. */
    List<Object> path() {
        return List.of("spec", protocol, index);
    }

    /** The path to a destination's {@code subset} or {@code weight}. */
    List<Object> path(Destination destination, String... rest) {
        List<Object> path = new ArrayList<>(path());
        path.add("route");
        path.add(destination.item());
        path.addAll(List.of(rest));
        return path;
    }

    boolean anyWeighted() {
        return destinations.stream().anyMatch(d -> d.weight() != null);
    }

    private static List<Destination> destinations(Object route) {
        List<?> items = IstioObjects.list(IstioObjects.map(route).get("route"));
        List<Destination> destinations = new ArrayList<>();
        for (int j = 0; j < items.size(); j++) {
            Map<String, Object> item = IstioObjects.map(items.get(j));
            Map<String, Object> destination = IstioObjects.map(item.get("destination"));
            Object host = destination.get("host");
            Object subset = destination.get("subset");
            destinations.add(new Destination(j, host == null ? "" : host.toString(),
                    subset == null ? null : subset.toString(), item.get("weight")));
        }
        return destinations;
    }
}

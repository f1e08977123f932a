package dev.burstgitops.validate;

import dev.burstgitops.manifest.ManifestObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Check 4: the VirtualServices among a set of objects route the way Istio will accept and the
 * author meant. Weighted routes add up to 100 (Istio rejects anything else, and a hand edit
 * of the burst split is the likely cause), and every subset a destination names is defined
 * by a DestinationRule among the same objects (else Istio answers 503 for that share of the
 * traffic: the classic burst-split outage).
 *
 * <p>The set is one cluster's render: a DestinationRule in another cluster's render does not
 * make a subset exist in this one. Beside the renders, every VirtualService of the repository's
 * YAML files, as written, is checked against every DestinationRule in them: one no cluster
 * renders yet, or one kept outside the layout ({@code mesh/}) and applied by other means.
 */
final class VirtualServiceCheck {

    private static final int FULL_WEIGHT = 100;

    private final DocumentLines lines;

    VirtualServiceCheck(DocumentLines lines) {
        this.lines = lines;
    }

    /** Checks the VirtualServices among {@code objects} against the DestinationRules among them. */
    List<ValidationProblem> run(List<ManifestObject> objects) {
        return run(objects, objects);
    }

    /** Checks the VirtualServices among {@code objects} against the DestinationRules among {@code rulesFrom}. */
    List<ValidationProblem> run(List<ManifestObject> objects, List<ManifestObject> rulesFrom) {
        DestinationRules rules = DestinationRules.among(rulesFrom);
        List<ValidationProblem> problems = new ArrayList<>();
        for (ManifestObject object : objects) {
            if (IstioObjects.isIstio(object, "VirtualService")) {
                for (VirtualServiceRoute route : VirtualServiceRoute.of(object)) {
                    weights(object, route).ifPresent(problems::add);
                    problems.addAll(subsets(object, route, rules));
                }
            }
        }
        return problems;
    }

    private Optional<ValidationProblem> weights(ManifestObject vs, VirtualServiceRoute route) {
        if (!route.anyWeighted()) {
            return Optional.empty();  // no weights at all: Istio splits nothing, sends all to the one destination
        }
        long total = 0;
        for (VirtualServiceRoute.Destination destination : route.destinations()) {
            Object weight = destination.weight();
            if (weight == null) {
                continue;  // counts as 0, as in Istio
            }
            if (!(weight instanceof Integer || weight instanceof Long)) {
                return Optional.of(problem(vs, route.path(destination, "weight"), route.describe() + " weight '"
                        + weight + "' of " + destination.label() + " is not a whole number"));
            }
            total += ((Number) weight).longValue();
        }
        if (total == FULL_WEIGHT) {
            return Optional.empty();
        }
        String terms = route.destinations().stream()
                .map(d -> d.label() + " " + (d.weight() == null ? "(no weight)" : d.weight()))
                .collect(Collectors.joining(" + "));
        return Optional.of(problem(vs, route.path(), route.describe() + " weights add up to " + total
                + " (" + terms + "), not " + FULL_WEIGHT));
    }

    private List<ValidationProblem> subsets(ManifestObject vs, VirtualServiceRoute route, DestinationRules rules) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (VirtualServiceRoute.Destination destination : route.destinations()) {
            if (destination.subset() == null || destination.host().isEmpty()) {
                continue;
            }
            String host = IstioHost.resolve(destination.host(), vs.namespace());
            if (!rules.define(host, destination.subset())) {
                String defined = rules.describe(host).map(d -> " (" + d + ")").orElse("");
                problems.add(problem(vs, route.path(destination, "destination", "subset"), "subset '"
                        + destination.subset() + "' of host " + destination.host()
                        + " is not defined by any DestinationRule" + defined));
            }
        }
        return problems;
    }

    private ValidationProblem problem(ManifestObject vs, List<Object> path, String message) {
        return new ValidationProblem(lines.locate(vs.source(), path), "VirtualService " + vs.name() + ": " + message);
    }
}

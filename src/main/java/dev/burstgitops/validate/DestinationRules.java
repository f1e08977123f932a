package dev.burstgitops.validate;

import dev.burstgitops.manifest.ManifestObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subsets the DestinationRules among a set of objects (one cluster's render, or the
 * repository's YAML files) define, by the host they apply to.
 */
final class DestinationRules {

    private record Rule(String name, String host, Set<String> subsets) {
    }

    private final List<Rule> rules;

    private DestinationRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static DestinationRules among(List<ManifestObject> objects) {
        List<Rule> rules = new ArrayList<>();
        for (ManifestObject object : objects) {
            if (IstioObjects.isIstio(object, "DestinationRule")) {
                Map<String, Object> spec = IstioObjects.map(object.content().get("spec"));
                Object host = spec.get("host");
                if (host != null) {
                    rules.add(new Rule(object.name(), IstioHost.resolve(host.toString(), object.namespace()),
                            subsetNames(spec.get("subsets"))));
                }
            }
        }
        return new DestinationRules(rules);
    }

    /** Whether a rule for {@code host} (resolved) defines {@code subset}. */
    boolean define(String host, String subset) {
        return rulesFor(host).stream().anyMatch(rule -> rule.subsets().contains(subset));
    }

    /** For the message: what the rules for {@code host} do define, when there are any. */
    Optional<String> describe(String host) {
        List<String> described = rulesFor(host).stream()
                .map(rule -> rule.name() + " defines " + (rule.subsets().isEmpty() ? "no subsets"
                        : String.join(", ", rule.subsets())))
                .toList();
        return described.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", described));
    }

    private List<Rule> rulesFor(String host) {
        return rules.stream().filter(rule -> IstioHost.covers(rule.host(), host)).toList();
    }

    private static Set<String> subsetNames(Object subsets) {
        Set<String> names = new LinkedHashSet<>();
        for (Object subset : IstioObjects.list(subsets)) {
            Object name = IstioObjects.map(subset).get("name");
            if (name != null) {
                names.add(name.toString());
            }
        }
        return names;
    }
}

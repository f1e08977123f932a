package dev.burstgitops.config;

import dev.burstgitops.decision.BurstRule;
import dev.burstgitops.decision.MissingDataPolicy;
import dev.burstgitops.decision.SpilloverRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code policies} list: the burst rule of each policy and the VirtualService it steers. */
final class PolicySectionReader {

    /** Policy names end up in branch names, file names and metric labels. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private PolicySectionReader() {
    }

    /** @param clusters the names in {@code clusters[]}, which a readiness gate may name */
    static List<PolicyConfig> read(YamlSection top, Set<String> clusters) {
        List<PolicyConfig> policies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection policy : top.sections("policies")) {
            String name = policy.string("name");
            if (name != null && !NAME.matcher(name).matches()) {
                policy.problem("name", "must be lower-case letters, digits and '-' (it names a branch and a file)");
            } else if (name != null && !names.add(name)) {
                policy.problem("name", "'" + name + "' is used by another policy");
            }
            policies.add(policy(policy, name, clusters));
        }
        return policies;
    }

    private static PolicyConfig policy(YamlSection policy, String name, Set<String> clusters) {
        String query = policy.string("query");
        Duration interval = policy.duration("interval", Duration.ofSeconds(15));
        if (interval != null && interval.isZero()) {
            policy.problem("interval", "must be longer than 0s");
        }
        // spillover replaces the band: a policy has one rule or the other, never both.
        boolean spills = policy.has("spillover");
        Optional<SpilloverRule> spillover = policy.section("spillover").map(section -> spillover(policy, section));
        BurstRule rule = spills ? null : rule(policy);
        VirtualServiceConfig virtualService = policy.section("virtualService")
                .map(PolicySectionReader::virtualService).orElse(null);
        if (virtualService == null) {
            policy.problem("virtualService", "is required (the file and name of the VirtualService to steer)");
        }
        Optional<BurstReadinessConfig> readiness = policy.section("burstReadiness")
                .map(section -> BurstReadinessSectionReader.read(section, clusters));
        policy.rejectUnknownKeys();
        return new PolicyConfig(name, query, interval, rule, virtualService, spillover, readiness);
    }

    private static BurstRule rule(YamlSection policy) {
        double enterAbove = policy.number("enterAbove");
        double exitBelow = policy.number("exitBelow");
        Duration enterFor = policy.duration("enterFor", Duration.ZERO);
        Duration exitFor = policy.duration("exitFor", Duration.ZERO);
        Duration cooldown = policy.duration("cooldown", Duration.ZERO);
        MissingDataPolicy onMissingData = policy.choice("onMissingData",
                Map.of("hold", MissingDataPolicy.HOLD, "natural", MissingDataPolicy.NATURAL), "hold");
        if (Double.isNaN(enterAbove) || Double.isNaN(exitBelow)) {
            return null;
        }
        if (!(exitBelow < enterAbove)) {
            policy.problem("exitBelow", "must be below enterAbove (" + format(enterAbove) + ")");
            return null;
        }
        if (exitBelow < 0) {
            policy.problem("exitBelow", "must not be negative");
        }
        return new BurstRule(enterAbove, exitBelow, enterFor, exitFor, cooldown, onMissingData);
    }

    /** The spillover rule, or null (an empty Optional) when a problem was reported. */
    private static SpilloverRule spillover(YamlSection policy, YamlSection section) {
        for (String band : new String[] {"enterAbove", "exitBelow"}) {
            if (policy.has(band)) {
                policy.problem(band, "cannot be given together with spillover (a policy either switches modes at"
                        + " enterAbove/exitBelow or spills a share over)");
                policy.optionalString(band); // reported once, here, not again as an unknown key
            }
        }
        double capacity = section.number("capacity");
        int step = section.integer("step", 10);
        int maxBurst = section.integer("maxBurst", 100);
        section.rejectUnknownKeys();
        Duration enterFor = policy.duration("enterFor", Duration.ZERO);
        Duration exitFor = policy.duration("exitFor", Duration.ZERO);
        Duration cooldown = policy.duration("cooldown", Duration.ZERO);
        MissingDataPolicy onMissingData = policy.choice("onMissingData",
                Map.of("hold", MissingDataPolicy.HOLD, "natural", MissingDataPolicy.NATURAL), "hold");
        boolean valid = !Double.isNaN(capacity);
        if (valid && !(capacity > 0)) {
            section.problem("capacity", "must be above 0 req/s");
            valid = false;
        }
        if (step < 1 || step > 100 || 100 % step != 0) {
            section.problem("step", "must divide 100 (1, 2, 4, 5, 10, 20, 25, 50 or 100), not " + step);
            valid = false;
        } else if (maxBurst < 0 || maxBurst > 100 || maxBurst % step != 0) {
            section.problem("maxBurst", "must be 0 to 100 and a multiple of step (" + step + "), not " + maxBurst);
            valid = false;
        }
        return valid && enterFor != null && exitFor != null && cooldown != null && onMissingData != null
                ? new SpilloverRule(capacity, step, maxBurst, enterFor, exitFor, cooldown, onMissingData) : null;
    }

    private static VirtualServiceConfig virtualService(YamlSection vs) {
        String file = vs.string("file");
        RepositoryPath.check(vs, "file", file);
        String name = vs.string("name");
        YamlSection subsets = vs.sectionOrEmpty("subsets");
        String primarySubset = subsets.string("primary", "primary");
        String burstSubset = subsets.string("burst", "burst");
        subsets.rejectUnknownKeys();
        if (primarySubset.equals(burstSubset)) {
            vs.problem("subsets", "primary and burst must name different subsets");
        }
        VirtualServiceConfig.WeightPair natural = weights(vs, "natural", new VirtualServiceConfig.WeightPair(100, 0));
        VirtualServiceConfig.WeightPair burst = weights(vs, "burst", new VirtualServiceConfig.WeightPair(0, 100));
        if (natural.equals(burst)) {
            vs.problem("burst", "the burst weights must differ from the natural weights (" + natural + ")");
        }
        vs.rejectUnknownKeys();
        return new VirtualServiceConfig(file, name, primarySubset, burstSubset, natural, burst);
    }

    private static VirtualServiceConfig.WeightPair weights(YamlSection vs, String key,
                                                           VirtualServiceConfig.WeightPair fallback) {
        if (!vs.has(key)) {
            vs.section(key);
            return fallback;
        }
        YamlSection section = vs.sectionOrEmpty(key);
        int primary = section.integer("primary", 0);
        int burst = section.integer("burst", 0);
        section.rejectUnknownKeys();
        if (primary < 0 || burst < 0 || primary + burst != 100) {
            vs.problem(key, "weights must be 0 to 100 and add up to 100 (primary " + primary + " + burst " + burst
                    + " = " + (primary + burst) + ")");
        }
        return new VirtualServiceConfig.WeightPair(primary, burst);
    }

    private static String format(double value) {
        return dev.burstgitops.decision.RateText.format(value);
    }
}

package dev.burstgitops.validate;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.config.PrometheusConfig;
import dev.burstgitops.decision.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Warns of a policy query that runs but measures the wrong thing, the two ways the codelab's
 * Istio-1.0 query does on today's Istio. Warnings, not problems: the controller starts with
 * such a query, and a mesh whose Prometheus sees both clusters may mean it.
 *
 * <ul>
 *   <li>{@code reporter="destination"}: each cluster's proxies are scraped by that cluster's
 *       Prometheus, so the requests the burst cluster serves never reach the primary's. Once the
 *       weights send traffic there, the observed rate collapses and the controller returns to
 *       natural, then bursts again: it flaps.</li>
 *   <li>A range window shorter than {@value #SCRAPES_PER_WINDOW} scrape intervals often holds a
 *       single sample, and {@code rate()} of one sample is no data.</li>
 * </ul>
 */
final class QueryCheck {

    /** Enough samples that a late or missed scrape still leaves rate() two to work with. */
    static final int SCRAPES_PER_WINDOW = 4;

    private QueryCheck() {
    }

    /** @param source where {@code config} was read from, for the line of each query */
    static List<ValidationWarning> run(BurstGitopsConfig config, ConfigSource source) {
        Duration scrapeInterval = config.prometheus().map(PrometheusConfig::scrapeInterval)
                .orElse(PrometheusConfig.DEFAULT_SCRAPE_INTERVAL);
        List<ValidationWarning> warnings = new ArrayList<>();
        for (int i = 0; i < config.policies().size(); i++) {
            PolicyConfig policy = config.policies().get(i);
            for (String message : messages(policy, scrapeInterval)) {
                warnings.add(source.warning(source.lineOf(List.of("policies", i, "query")), message));
            }
        }
        return warnings;
    }

    private static List<String> messages(PolicyConfig policy, Duration scrapeInterval) {
        String prefix = "policy " + policy.name() + ": ";
        List<String> messages = new ArrayList<>();
        if (PromqlText.selectsDestinationReporter(policy.query())) {
            messages.add(prefix + "query uses reporter=\"destination\": on a multi-cluster mesh the primary's"
                    + " Prometheus does not see requests served in the burst cluster, so the rate collapses in burst"
                    + " mode; measure reporter=\"source\" at the frontend");
        }
        Duration shortest = scrapeInterval.multipliedBy(SCRAPES_PER_WINDOW);
        Set<String> shortWindows = new LinkedHashSet<>();
        for (PromqlText.RangeWindow window : PromqlText.rangeWindows(policy.query())) {
            if (window.length().compareTo(shortest) < 0) {
                shortWindows.add(window.text());
            }
        }
        for (String window : shortWindows) {
            messages.add(prefix + "query's range window " + window + " is shorter than " + SCRAPES_PER_WINDOW
                    + " scrape intervals (prometheus.scrapeInterval: " + DurationText.format(scrapeInterval)
                    + "): it often holds a single sample, and rate() of one sample is no data; use ["
                    + DurationText.format(shortest) + "] or longer");
        }
        return messages;
    }
}

package dev.burstgitops.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code prometheus} section. Authentication is either a bearer token or a user name with a
 * password; both secrets are read from files or environment variables.
 *
 * @param scrapeInterval how often this Prometheus scrapes the series the policies query (Istio's
 *                       default is 15s). The controller never uses it to decide; {@code validate}
 *                       checks the queries' range windows against it, because a window of fewer
 *                       than a few scrapes often holds one sample and answers with no data.
 */
public record PrometheusConfig(
        URI url,
        Duration timeout,
        Duration scrapeInterval,
        Optional<SecretRef> bearerToken,
        Optional<String> username,
        Optional<SecretRef> password) {

    /** Istio's Prometheus scrapes the proxies every 15 s unless told otherwise. */
    public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(15);
}

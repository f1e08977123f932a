package dev.burstgitops.metrics;

import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.PrometheusConfig;
import dev.burstgitops.config.Secret;
import dev.burstgitops.config.SecretUnreadableException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Where and how to reach Prometheus.
 *
 * <p>Credentials written into the URL ({@code http://user:pass@host:9090}) are moved into
 * {@link #auth()} and stripped from {@link #baseUrl()}: from here on the URL is safe to print
 * in any log line or error message.
 *
 * @param baseUrl where the HTTP API lives, possibly below a path prefix
 *                ({@code http://host:9090/prometheus}); {@code /api/v1/query} is appended
 * @param timeout the whole call, from connecting to reading the last byte of the answer
 * @param auth    credentials to send; {@link PrometheusAuth#none()} for none
 */
public record PrometheusEndpoint(URI baseUrl, Duration timeout, PrometheusAuth auth) {

    public PrometheusEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(auth, "auth");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        HttpUrl url = parse(baseUrl);
        if (!url.username().isEmpty()) {
            auth = credentialsFromUrl(url, auth);
        }
        baseUrl = url.newBuilder().username("").password("").build().uri();
    }

    public static PrometheusEndpoint of(URI baseUrl, Duration timeout) {
        return new PrometheusEndpoint(baseUrl, timeout, PrometheusAuth.none());
    }

    /** The {@code prometheus} section's endpoint; its secrets must be readable now, like every secret at start. */
    public static PrometheusEndpoint of(PrometheusConfig prometheus) throws ConfigException {
        PrometheusAuth auth = PrometheusAuth.none();
        if (prometheus.bearerToken().isPresent()) {
            auth = PrometheusAuth.bearer(prometheus.bearerToken().get().readWhenUsed());
        } else if (prometheus.username().isPresent()) {
            auth = PrometheusAuth.basic(prometheus.username().get(),
                    prometheus.password().orElseThrow().readWhenUsed());
        }
        return new PrometheusEndpoint(prometheus.url(), prometheus.timeout(), auth);
    }

    /**
     * Adds the {@code Authorization} header, reading the credential now (a rotated one is sent from
     * its next query on); one that cannot be read fails the query, so the mode holds as for any
     * failed query.
     */
    void authorize(Request.Builder request, String where) throws MetricQueryException {
        try {
            auth.authorizationHeader().ifPresent(value -> request.header("Authorization", value));
        } catch (SecretUnreadableException e) {
            throw new MetricQueryException(MetricQueryException.Kind.CREDENTIALS, where, e.getMessage());
        }
    }

    /** The instant-query URL without any parameters: the request target and the name in messages. */
    HttpUrl queryUrl() {
        return HttpUrl.get(baseUrl).newBuilder().addPathSegments("api/v1/query").build();
    }

    /** The range-query URL without any parameters. */
    HttpUrl queryRangeUrl() {
        return HttpUrl.get(baseUrl).newBuilder().addPathSegments("api/v1/query_range").build();
    }

    private static HttpUrl parse(URI baseUrl) {
        HttpUrl url = HttpUrl.parse(baseUrl.toString());
        // The messages below avoid printing the URL: it may still hold a password here.
        if (url == null) {
            throw new IllegalArgumentException("Prometheus URL must be an http or https URL with a host");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException("Prometheus URL must not have a query or fragment: "
                    + url.newBuilder().username("").password("").query(null).fragment(null).build());
        }
        return url;
    }

    private static PrometheusAuth credentialsFromUrl(HttpUrl url, PrometheusAuth configured) {
        if (!(configured instanceof PrometheusAuth.None)) {
            throw new IllegalArgumentException(
                    "Prometheus credentials are given twice: in the URL and as auth; keep one");
        }
        return PrometheusAuth.basic(url.username(), Secret.of(url.password(), "user-info of the Prometheus URL"));
    }
}

package dev.burstgitops.demo;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One HTTP request as the in-memory cluster received it. Tests read these to check the shape a
 * real API server needs (method, content type, query parameters), which the mock itself does not
 * enforce.
 *
 * @param method      HTTP method, upper case
 * @param path        the path without the query
 * @param query       the raw query string, empty when there is none
 * @param contentType the Content-Type header, empty when there is none
 */
public record InMemoryRequest(String method, String path, String query, String contentType) {

    /** Anything but a read: the requests a sync pass must not make when nothing changed. */
    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(queryParameters().get(name));
    }

    public Map<String, String> queryParameters() {
        if (query.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : "", (a, b) -> b));
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query)
                + (contentType.isEmpty() ? "" : " [" + contentType + "]");
    }
}

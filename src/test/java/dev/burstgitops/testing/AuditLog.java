package dev.burstgitops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a kube-apiserver's audit log (one JSON object per line, logged when each request is
 * received, so before its response) from a mark onwards: the requests a test made since then.
 */
final class AuditLog {

    private final Path file;
    private long mark;

    AuditLog(Path file) {
        this.file = file;
    }

    /** Forgets everything logged so far. */
    void markEnd() {
        try {
            mark = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<ApiRequest> sinceMark() {
        List<ApiRequest> requests = new ArrayList<>();
        if (!Files.exists(file)) {
            return requests;
        }
        try {
            byte[] all = Files.readAllBytes(file);
            String text = new String(all, (int) Math.min(mark, all.length), all.length - (int) Math.min(mark, all.length),
                    StandardCharsets.UTF_8);
            Yaml yaml = new Yaml();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    requests.add(parse(yaml.load(line)));
                }
            }
            return requests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ApiRequest parse(Map<String, Object> event) {
        String uri = String.valueOf(event.get("requestURI"));
        int q = uri.indexOf('?');
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : uri.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Map<String, Object> user = (Map<String, Object>) event.get("user");
        return new ApiRequest(String.valueOf(event.get("verb")), q < 0 ? uri : uri.substring(0, q), query,
                user == null ? "" : String.valueOf(user.get("username")));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}

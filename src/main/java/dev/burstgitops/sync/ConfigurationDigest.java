package dev.burstgitops.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * A short fingerprint of the configuration applied for one object: SHA-256 over its content as
 * JSON with keys in sorted order, so that reordering keys or editing comments in Git changes
 * nothing, while any changed value does ({@code "3.1"} and {@code "3.10"} differ, as they do for
 * the API server). The inventory keeps it per object; a different fingerprint means Git changed
 * what it asks for since the last apply.
 */
final class ConfigurationDigest {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ConfigurationDigest() {
    }

    static String of(Map<String, Object> content) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(content);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a manifest's content is plain YAML values", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

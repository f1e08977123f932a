package dev.burstgitops.gitops.forge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The human-readable part of a forge's error body. The forges disagree on its shape:
 * GitHub {@code {"message": "Validation Failed", "errors": [{"message": ...}]}}, Gitea
 * {@code {"message": ...}}, GitLab {@code {"message": "404 Project Not Found"}},
 * {@code {"message": ["..."]}}, {@code {"message": {"title": ["is too long"]}}} or
 * {@code {"error": "invalid_token", "error_description": ...}}.
 */
final class ForgeMessages {

    private static final int LONGEST_PLAIN_TEXT = 200;

    private ForgeMessages() {
    }

    /** The message, or {@code null} when the body says nothing usable. */
    static String of(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode json;
        try {
            json = ForgeHttp.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return plainText(body);
        }
        Set<String> parts = new LinkedHashSet<>();
        collect(json.path("message"), "", parts);
        collect(json.path("error"), "", parts);
        collect(json.path("error_description"), "", parts);
        for (JsonNode error : json.path("errors")) {
            collect(error.has("message") ? error.get("message") : error, "", parts);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void collect(JsonNode node, String prefix, Set<String> parts) {
        if (node.isTextual() && !node.asText().isBlank()) {
            parts.add(prefix + node.asText());
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, prefix, parts));
        } else if (node.isObject()) {
            // GitLab validation errors: {"title": ["is too long"]}; GitHub error objects: {"code": "missing_field", "field": "head"}.
            if (node.has("code")) {
                parts.add(prefix + node.path("field").asText(node.path("resource").asText("")) + " " + node.get("code").asText());
                return;
            }
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                collect(field.getValue(), prefix + field.getKey() + " ", parts);
            }
        }
    }

    /** A proxy's plain-text answer is worth showing; its HTML error page is not. */
    private static String plainText(String body) {
        String text = body.strip();
        if (text.startsWith("<")) {
            return null;
        }
        return text.length() <= LONGEST_PLAIN_TEXT ? text : text.substring(0, LONGEST_PLAIN_TEXT) + "…";
    }
}

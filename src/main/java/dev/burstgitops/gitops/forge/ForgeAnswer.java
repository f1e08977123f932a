package dev.burstgitops.gitops.forge;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A successful forge answer, read field by field. A field the forge's API documents but the
 * answer lacks is a {@link ForgeException.Kind#MALFORMED} failure naming the call and the field,
 * rather than a {@code NullPointerException} three calls later. {@code sent} is the token the
 * request carried, to mask it in a message the forge puts inside a successful answer.
 */
record ForgeAnswer(ForgeCall call, int status, JsonNode json, ForgeAuth.Sent sent) {

    ForgeAnswer {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(sent, "sent");
    }

    /** For a forge message that arrives inside a successful answer (GraphQL errors). */
    String redact(String forgeText) {
        return sent.redact(forgeText);
    }

    /** A required string or number, as text. */
    String text(String... path) throws ForgeException {
        JsonNode node = at(path);
        if (!node.isTextual() && !node.isNumber()) {
            throw malformed("no " + String.join(".", path));
        }
        return node.asText();
    }

    /** An optional string: empty when missing or {@code null}. */
    String optionalText(String... path) {
        JsonNode node = at(path);
        return node.isValueNode() && !node.isNull() ? node.asText() : "";
    }

    URI uri(String... path) throws ForgeException {
        String text = text(path);
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw malformed(String.join(".", path) + " is not a URL");
        }
    }

    /** A required timestamp in RFC 3339 form, with its offset ({@code Z} or {@code +01:00}). */
    Instant instant(String... path) throws ForgeException {
        String text = text(path);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(String.join(".", path) + " is not an RFC 3339 timestamp");
        }
    }

    /** The elements of an answer that must be a JSON array. */
    List<ForgeAnswer> items() throws ForgeException {
        if (!json.isArray()) {
            throw malformed("expected a JSON array");
        }
        List<ForgeAnswer> items = new ArrayList<>(json.size());
        json.forEach(item -> items.add(new ForgeAnswer(call, status, item, sent)));
        return items;
    }

    ForgeException malformed(String detail) {
        return new ForgeException(call, status, ForgeException.Kind.MALFORMED, detail, null, null);
    }

    private JsonNode at(String... path) {
        JsonNode node = json;
        for (String field : path) {
            node = node.path(field);
        }
        return node;
    }
}

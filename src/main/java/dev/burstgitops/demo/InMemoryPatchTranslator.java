package dev.burstgitops.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns the patches the fabric8 mock cannot serve into the creates and replaces it can.
 *
 * <ul>
 *   <li>A server-side apply ({@code application/apply-patch+yaml}) becomes a create when the object
 *       is missing and a full replace with the applied content when it exists. The live status is
 *       kept (status is a subresource) and the mock's PUT keeps uid, creationTimestamp and
 *       generation, bumping resourceVersion on any change and generation on a spec change.</li>
 *   <li>A JSON merge patch or strategic merge patch (what {@code kubectl patch}, {@code label},
 *       {@code scale} send) is applied here per RFC 7386 and stored with a replace, because the
 *       mock's own merge appends to lists. Strategic merge is treated as plain merge: lists are
 *       replaced, not merged by key, which is enough for hand edits in tests.</li>
 * </ul>
 */
final class InMemoryPatchTranslator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesCrudDispatcher store;

    InMemoryPatchTranslator(KubernetesCrudDispatcher store) {
        this.store = store;
    }

    MockResponse applyPatch(String path, String body) {
        Map<String, Object> applied;
        try {
            applied = parse(body);
        } catch (RuntimeException e) {
            return status(400, "BadRequest", "apply patch is not a YAML object: " + e.getMessage());
        }
        foldSecretStringData(applied);
        MockResponse current = store.handleGet(path);
        if (current.code() == 404) {
            String collection = path.substring(0, path.lastIndexOf('/'));
            return store.handleCreate(request(HttpMethod.POST, collection, applied));
        }
        Map<String, Object> live = parse(current.getBody().readUtf8());
        if (!applied.containsKey("status") && live.containsKey("status")) {
            applied.put("status", live.get("status"));
        }
        return store.handleUpdate(request(HttpMethod.PUT, path, applied));
    }

    MockResponse mergePatch(String path, String body) {
        MockResponse current = store.handleGet(path);
        if (current.code() != 200) {
            return current;
        }
        Map<String, Object> live = parse(current.getBody().readUtf8());
        Object merged = mergeInto(live, parse(body));
        MockResponse stored = store.handleUpdate(request(HttpMethod.PUT, path, merged));
        return path.endsWith("/scale") && stored.code() == 200 ? scaleView(stored) : stored;
    }

    /**
     * The Scale subresource of a workload. The mock maps {@code .../<name>/scale} to the workload
     * itself; a Scale patch ({@code spec.replicas}) merges into it unchanged, and only the answer
     * must be an {@code autoscaling/v1} Scale for {@code kubectl scale} to accept it.
     */
    MockResponse scale(String path) {
        MockResponse current = store.handleGet(path);
        return current.code() == 200 ? scaleView(current) : current;
    }

    @SuppressWarnings("unchecked")
    private static MockResponse scaleView(MockResponse workloadResponse) {
        Map<String, Object> workload = parse(workloadResponse.getBody().readUtf8());
        Map<String, Object> metadata = (Map<String, Object>) workload.getOrDefault("metadata", Map.of());
        Map<String, Object> spec = (Map<String, Object>) workload.getOrDefault("spec", Map.of());
        Map<String, Object> status = (Map<String, Object>) workload.getOrDefault("status", Map.of());
        Map<String, Object> scale = new LinkedHashMap<>();
        scale.put("kind", "Scale");
        scale.put("apiVersion", "autoscaling/v1");
        scale.put("metadata", metadata);
        scale.put("spec", Map.of("replicas", spec.getOrDefault("replicas", 1)));
        scale.put("status", Map.of("replicas", status.getOrDefault("replicas", 0)));
        return new MockResponse().setResponseCode(200).setBody(json(scale));
    }

    /** As the API server does: a Secret's write-only {@code stringData} is stored base64-encoded in {@code data}. */
    @SuppressWarnings("unchecked")
    private static void foldSecretStringData(Map<String, Object> object) {
        if (!"Secret".equals(object.get("kind")) || !(object.remove("stringData") instanceof Map<?, ?> stringData)) {
            return;
        }
        Map<String, Object> data = object.get("data") instanceof Map<?, ?> existing
                ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
        stringData.forEach((key, value) -> data.put(String.valueOf(key), java.util.Base64.getEncoder()
                .encodeToString(String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        object.put("data", data);
    }

    /** RFC 7386: maps merge key by key, null removes, anything else replaces. */
    @SuppressWarnings("unchecked")
    private static Object mergeInto(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> patchMap)) {
            return patch;
        }
        Map<String, Object> result = target instanceof Map<?, ?> targetMap
                ? new LinkedHashMap<>((Map<String, Object>) targetMap)
                : new LinkedHashMap<>();
        patchMap.forEach((key, value) -> {
            if (value == null) {
                result.remove((String) key);
            } else {
                result.put((String) key, mergeInto(result.get(key), value));
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        Object parsed = new Yaml().load(body);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected an object, got " + (parsed == null ? "nothing" : "a list or scalar"));
        }
        return new LinkedHashMap<>((Map<String, Object>) map);
    }

    private static RecordedRequest request(HttpMethod method, String path, Object content) {
        Headers headers = Headers.builder().add("Content-Type", "application/json").build();
        return new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer().writeUtf8(json(content)));
    }

    static String json(Object content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + content.getClass(), e);
        }
    }

    static MockResponse status(int code, String reason, String message) {
        Map<String, Object> status = Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure",
                "reason", reason, "message", message, "code", code);
        return new MockResponse().setResponseCode(code).setBody(json(status));
    }
}

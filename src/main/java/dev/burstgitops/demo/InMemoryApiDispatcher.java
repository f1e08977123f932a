package dev.burstgitops.demo;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sits in front of fabric8's CRUD dispatcher: records every request, serves discovery and
 * {@code /version}, translates the patches the mock cannot serve, and passes the rest through.
 */
final class InMemoryApiDispatcher extends Dispatcher {

    private static final String APPLY_PATCH = "application/apply-patch+yaml";
    private static final String JSON_PATCH = "application/json-patch+json";

    private final KubernetesCrudDispatcher store;
    private final InMemoryPatchTranslator patches;
    private final List<InMemoryApiResource> builtIn;
    private final List<InMemoryRequest> recorded = new CopyOnWriteArrayList<>();

    InMemoryApiDispatcher(KubernetesCrudDispatcher store, List<InMemoryApiResource> builtIn) {
        this.store = store;
        this.patches = new InMemoryPatchTranslator(store);
        this.builtIn = List.copyOf(builtIn);
    }

    List<InMemoryRequest> recorded() {
        return List.copyOf(recorded);
    }

    void clearRecorded() {
        recorded.clear();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String target = request.getPath();
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        String contentType = nullToEmpty(request.getHeader("Content-Type"));
        String method = request.getMethod().toUpperCase(java.util.Locale.ROOT);
        recorded.add(new InMemoryRequest(method, path, query, contentType));
        String body = request.getBody() == null ? "" : request.getBody().readUtf8();
        return withJsonContentType(route(request, method, path, contentType, body));
    }

    private MockResponse route(RecordedRequest request, String method, String path, String contentType, String body) {
        if (method.equals("GET") && path.equals("/version")) {
            return ok(Map.of("major", "1", "minor", "32", "gitVersion", "v1.32.0-burst-gitops-in-memory"));
        }
        if (method.equals("GET") && InMemoryDiscovery.isDiscoveryPath(path)) {
            return InMemoryDiscovery.document(path, served())
                    .map(InMemoryApiDispatcher::ok)
                    .orElseGet(() -> InMemoryPatchTranslator.status(404, "NotFound", "the server could not find the requested resource"));
        }
        if (method.equals("GET") && path.endsWith("/scale")) {
            return patches.scale(path);
        }
        if (method.equals("PATCH") && contentType.startsWith(APPLY_PATCH)) {
            return patches.applyPatch(path, body);
        }
        if (method.equals("PATCH") && !contentType.startsWith(JSON_PATCH)) {
            return patches.mergePatch(path, body);
        }
        // A fresh request: the body of the one we were handed has been read.
        return store.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
                request.getHeaders(), new Buffer().writeUtf8(body)));
    }

    /** The built-in kinds plus those of every CustomResourceDefinition stored so far. */
    private List<InMemoryApiResource> served() {
        List<InMemoryApiResource> served = new ArrayList<>(builtIn);
        MockResponse definitions = store.handleGet("/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
        for (InMemoryApiResource resource : InMemoryCustomResources.fromDefinitionList(definitions.getBody().readUtf8())) {
            boolean known = served.stream().anyMatch(s -> s.groupVersion().equals(resource.groupVersion())
                    && s.kind().equals(resource.kind()));
            if (!known) {
                served.add(resource);
            }
        }
        return served;
    }

    private static MockResponse ok(Object document) {
        return new MockResponse().setResponseCode(200).setBody(InMemoryPatchTranslator.json(document));
    }

    private static MockResponse withJsonContentType(MockResponse response) {
        if (response.header("Content-Type") == null) {
            response.setHeader("Content-Type", "application/json");
        }
        return response;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

package dev.burstgitops.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A real {@link ControllerHttpServer} on 127.0.0.1 and ports of its choosing, with a client. */
final class RunningServer implements AutoCloseable {

    private final ControllerHttpServer server;
    private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    private RunningServer(ControllerHttpServer server) {
        this.server = server;
    }

    static RunningServer start(ServerSettings settings, ServerInputs inputs) {
        return new RunningServer(ControllerHttpServer.start(settings, inputs));
    }

    Request.Builder request(String path) {
        return new Request.Builder().url("http://127.0.0.1:" + server.port() + path);
    }

    /** A request to the webhook's own listener, which serves {@code /hooks/git} only. */
    Request.Builder webhookRequest(String path) {
        return new Request.Builder().url("http://127.0.0.1:" + webhookPort() + path);
    }

    Reply get(String path) {
        return call(request(path).get().build());
    }

    Reply call(Request request) {
        try (Response response = client.newCall(request).execute()) {
            return new Reply(response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.port();
    }

    int webhookPort() {
        return server.webhookPort().orElseThrow(() -> new AssertionError("no webhook listener: no secret configured"));
    }

    @Override
    public void close() {
        server.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    record Reply(int status, Headers headers, String body) {
        String contentType() {
            return headers.get("Content-Type");
        }
    }
}

package dev.burstgitops.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.burstgitops.config.Secret;
import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a byte a second to {@code POST /hooks/git} — in the request head or in the
 * body — never keep the probes from answering, and are cut off after the request timeout.
 */
class SlowClientsTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** However slow the network, no trickler outlives this: the test stays bounded. */
    private static final Duration TRICKLE_AT_MOST = Duration.ofSeconds(20);
    private static final int BODY_BYTES = 1000;

    private final ControllerHttpServer server = ControllerHttpServer.start(
            ServerSettings.of("127.0.0.1", 0, Optional.of(Secret.of("s3cr3t", "test")))
                    .withRequestTimeout(REQUEST_TIMEOUT),
            new ServerInputs(new ControllerMetrics(), new LoopHealth(Clock.systemUTC()), new Readiness(),
                    Map::of, new RecordingListener()));
    private final OkHttpClient probe = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(2)).retryOnConnectionFailure(false).build();
    private final ExecutorService tricklers = Executors.newCachedThreadPool();
    private final List<SlowClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        tricklers.shutdownNow();
        clients.forEach(SlowClient::close);
        server.close();
        probe.dispatcher().executorService().shutdown();
        probe.connectionPool().evictAll();
    }

    @Test
    void theProbesAndTheMetricsAnswerWhileSlowClientsTrickleIntoTheWebhook() throws Exception {
        trickle(6, false);
        trickle(6, true);
        await().atMost(Duration.ofSeconds(5)).until(() -> clients.stream().allMatch(SlowClient::started));

        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250))
                .until(() -> status("/healthz") == 200 && status("/metrics") == 200 && status("/readyz") > 0);
    }

    @Test
    void slowClientsAreClosedByTheServerOnceTheRequestTimeoutHasPassed() throws Exception {
        trickle(6, false);
        trickle(6, true);

        await().atMost(REQUEST_TIMEOUT.plusSeconds(6))
                .until(() -> clients.stream().allMatch(SlowClient::closedByServer));
        assertThat(status("/healthz")).isEqualTo(200);
    }

    @Test
    void webhookDeliveriesBeyondTheirPoolAndQueueAreTurnedAwayWith503() throws Exception {
        int more = 3;
        trickle(ServerSettings.WEBHOOK_THREADS + ServerSettings.WEBHOOK_QUEUE + more, true);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> clients.stream().filter(c -> c.answer().startsWith("HTTP/1.1 503")).count() == more);
        assertThat(clients).filteredOn(c -> c.answer().startsWith("HTTP/1.1 503"))
                .allMatch(c -> c.answer().toLowerCase(Locale.ROOT).contains("\nretry-after: 10"));
        assertThat(status("/healthz")).isEqualTo(200);
    }

    /** {@code count} connections sending a webhook a byte a second: the head, or (headFirst) only the body. */
    private void trickle(int count, boolean headFirst) throws IOException {
        String head = "POST /hooks/git HTTP/1.1\r\nHost: 127.0.0.1\r\nX-GitHub-Event: push\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + BODY_BYTES + "\r\n\r\n";
        byte[] request = (head + "x".repeat(BODY_BYTES)).getBytes(StandardCharsets.US_ASCII);
        int sentAtOnce = headFirst ? head.length() : 0;
        for (int i = 0; i < count; i++) {
            SlowClient client = new SlowClient(server.webhookPort().orElseThrow(), request, sentAtOnce);
            clients.add(client);
            tricklers.execute(client);
        }
    }

    private int status(String path) {
        Request request = new Request.Builder().url("http://127.0.0.1:" + server.port() + path).get().build();
        try (Response response = probe.newCall(request).execute()) {
            return response.code();
        } catch (IOException e) {
            return -1;
        }
    }

    /** One raw connection writing its request a byte a second and noting when the server closes it. */
    private static final class SlowClient implements Runnable {

        private final Socket socket = new Socket();
        private final byte[] request;
        private final int sentAtOnce;
        private final ByteArrayOutputStream answer = new ByteArrayOutputStream();
        private volatile boolean started;
        private volatile boolean closedByServer;

        SlowClient(int port, byte[] request, int sentAtOnce) throws IOException {
            this.request = request;
            this.sentAtOnce = sentAtOnce;
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(1000);
        }

        @Override
        public void run() {
            long end = System.nanoTime() + TRICKLE_AT_MOST.toNanos();
            try (socket) {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(request, 0, Math.max(1, sentAtOnce));
                out.flush();
                started = true;
                for (int next = Math.max(1, sentAtOnce); System.nanoTime() < end; next++) {
                    if (!readFor(in)) {
                        closedByServer = true;
                        return;
                    }
                    if (next < request.length) {
                        out.write(request[next]);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // A reset while writing: the server closed the connection.
                closedByServer = !Thread.currentThread().isInterrupted();
            }
        }

        /** Reads what the server sends for up to a second; false once it has closed the connection. */
        private boolean readFor(InputStream in) throws IOException {
            byte[] buffer = new byte[512];
            try {
                int read = in.read(buffer);
                if (read < 0) {
                    return false;
                }
                synchronized (answer) {
                    answer.write(buffer, 0, read);
                }
                return true;
            } catch (SocketTimeoutException stillOpen) {
                return true;
            }
        }

        boolean started() {
            return started;
        }

        boolean closedByServer() {
            return closedByServer;
        }

        String answer() {
            synchronized (answer) {
                return answer.toString(StandardCharsets.US_ASCII);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already closed by the server.
            }
        }
    }
}

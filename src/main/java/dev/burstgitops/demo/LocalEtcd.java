package dev.burstgitops.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real etcd (built by {@code bin/install-peers}) on 127.0.0.1, its data in a directory of its
 * own. Several API servers can share one, each under its own key prefix, as separate clusters.
 */
public final class LocalEtcd implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final PeerProcess process;
    private final URI url;

    private LocalEtcd(PeerProcess process, URI url) {
        this.process = process;
        this.url = url;
    }

    public static LocalEtcd start(PeerBinaries binaries, Path dir) {
        for (int attempt = 1; ; attempt++) {
            int clientPort = FreePorts.pick();
            int peerPort = FreePorts.pick();
            URI url = URI.create("http://127.0.0.1:" + clientPort);
            String peerUrl = "http://127.0.0.1:" + peerPort;
            PeerProcess process = PeerProcess.start("etcd", List.of(binaries.etcd().toString(),
                    "--name=burst-gitops", "--data-dir=" + dir.resolve("data"),
                    "--listen-client-urls=" + url, "--advertise-client-urls=" + url,
                    "--listen-peer-urls=" + peerUrl, "--initial-advertise-peer-urls=" + peerUrl,
                    "--initial-cluster=burst-gitops=" + peerUrl,
                    // Test and demo data are thrown away: skip the fsyncs that make a busy disk slow.
                    "--unsafe-no-fsync", "--log-level=warn"), dir.resolve("etcd.log"));
            if (process.awaitReady(() -> healthy(url), READY_WITHIN)) {
                return new LocalEtcd(process, url);
            }
            process.close();
            // Another process may have taken a port between picking and binding it: try again.
            if (attempt == 3) {
                throw process.notReady();
            }
        }
    }

    public URI url() {
        return url;
    }

    private static boolean healthy(URI url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/health"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"true\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}

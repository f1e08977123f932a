package dev.burstgitops.demo;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * A Kubernetes API server in memory, on 127.0.0.1 over plain HTTP: fabric8's mock server in CRUD
 * mode behind a dispatcher that adds what the mock lacks (discovery, server-side apply, list-safe
 * merge patches) and records every request. One instance stands for one cluster. The demo runs on
 * it; tests use it with the real {@code kubectl} as a second, independent client.
 */
public final class InMemoryCluster implements AutoCloseable {

    private final KubernetesMockServer server;
    private final InMemoryApiDispatcher dispatcher;

    private InMemoryCluster(KubernetesMockServer server, InMemoryApiDispatcher dispatcher) {
        this.server = server;
        this.dispatcher = dispatcher;
    }

    /** Starts a cluster serving {@link InMemoryApiCatalog#standard()} on a free loopback port. */
    public static InMemoryCluster start() {
        InMemoryApiDispatcher dispatcher =
                new InMemoryApiDispatcher(new KubernetesCrudDispatcher(), InMemoryApiCatalog.standard());
        KubernetesMockServer server =
                new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return new InMemoryCluster(server, dispatcher);
    }

    public int port() {
        return server.getPort();
    }

    /** The API server URL, {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * Writes a kubeconfig whose one context (also the current one) points at this cluster, with
     * namespace {@code default} and no credentials: the in-memory cluster asks for none.
     */
    public Path writeKubeconfig(Path file, String contextName) {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                users:
                - name: %1$s
                  user: {}
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: default
                current-context: %1$s
                """.formatted(contextName, url());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, kubeconfig);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kubeconfig " + file, e);
        }
    }

    /** Every request received since the start or the last {@link #clearRequests()}, in order. */
    public List<InMemoryRequest> requests() {
        return dispatcher.recorded();
    }

    /** The requests that are not reads. */
    public List<InMemoryRequest> writes() {
        return requests().stream().filter(InMemoryRequest::isWrite).toList();
    }

    public void clearRequests() {
        dispatcher.clearRecorded();
    }

    @Override
    public void close() {
        server.destroy();
    }
}

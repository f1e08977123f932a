package dev.burstgitops.testing;

import dev.burstgitops.demo.LocalApiServer;
import dev.burstgitops.demo.LocalEtcd;
import dev.burstgitops.demo.PeerBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The real Kubernetes peers of one test JVM, as envtest runs them: one etcd, started on first use
 * and stopped when the JVM exits, and as many kube-apiservers as tests ask for, each storing under
 * a prefix of its own, so that every test gets a cluster nobody else has written to. One server is
 * kept started ahead, in the background, so that a test seldom waits the seconds a start takes.
 */
public final class TestPeers {

    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static LocalEtcd etcd;
    private static PeerBinaries binaries;
    private static Path serversDir;
    private static CompletableFuture<LocalApiServer> spare;

    private TestPeers() {
    }

    public static synchronized PeerBinaries binaries() {
        if (binaries == null) {
            binaries = PeerBinaries.installed();
        }
        return binaries;
    }

    /** A new, empty API server, for the caller to close. */
    public static synchronized LocalApiServer apiServer() {
        CompletableFuture<LocalApiServer> next = spare != null ? spare : startAsync();
        spare = startAsync();
        try {
            return next.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static CompletableFuture<LocalApiServer> startAsync() {
        // Everything the start needs is read here, under the lock: the start itself runs unlocked.
        LocalEtcd started = etcd();
        PeerBinaries peers = binaries();
        Path dir = serversDir.resolve("cluster-" + SERVERS.incrementAndGet());
        return CompletableFuture.supplyAsync(() -> LocalApiServer.start(peers, started, dir, dir.getFileName().toString()));
    }

    private static synchronized LocalEtcd etcd() {
        if (etcd == null) {
            Path dir = tempDir();
            serversDir = dir.resolve("apiservers");
            etcd = LocalEtcd.start(binaries(), dir.resolve("etcd"));
            LocalEtcd started = etcd;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeSpare();
                started.close();
                deleteRecursively(dir);
            }, "stop-test-peers"));
        }
        return etcd;
    }

    private static synchronized void closeSpare() {
        if (spare != null) {
            spare.thenAccept(LocalApiServer::close).exceptionally(failed -> null).join();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("burst-gitops-test-peers-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}

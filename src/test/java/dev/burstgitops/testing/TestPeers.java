package dev.burstgitops.testing;

import dev.burstgitops.demo.LocalApiServer;
import dev.burstgitops.demo.LocalEtcd;
import dev.burstgitops.demo.PeerBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The real Kubernetes peers of one test JVM, as envtest runs them: one etcd, started on first use
 * and stopped when the JVM exits, and as many kube-apiservers as tests ask for, each storing under
 * a prefix of its own, so that every test gets a cluster nobody else has written to.
 */
public final class TestPeers {

    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static LocalEtcd etcd;
    private static PeerBinaries binaries;

    private TestPeers() {
    }

    public static synchronized PeerBinaries binaries() {
        if (binaries == null) {
            binaries = PeerBinaries.installed();
        }
        return binaries;
    }

    /** A new, empty API server whose files (logs, audit log, certificates) go below {@code dir}. */
    public static LocalApiServer apiServer(Path dir) {
        return LocalApiServer.start(binaries(), etcd(), dir, "cluster-" + SERVERS.incrementAndGet());
    }

    private static synchronized LocalEtcd etcd() {
        if (etcd == null) {
            Path dir = tempDir();
            etcd = LocalEtcd.start(binaries(), dir);
            LocalEtcd started = etcd;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteRecursively(dir);
            }, "stop-test-etcd"));
        }
        return etcd;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("burst-gitops-test-etcd-");
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

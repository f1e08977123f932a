package dev.burstgitops.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where {@code bin/install-peers} put the real Kubernetes peers it builds from Go modules:
 * {@code <cache>/k8s/v<version>/kube-apiserver} and {@code kubectl}, {@code <cache>/etcd/v<version>/etcd}
 * and {@code <cache>/istio-api/v<version>/crds.yaml}. The versions come from pom.xml through
 * {@code peers.properties}, the cache from {@code $BURST_GITOPS_CACHE} (default
 * {@code ~/.cache/burst-gitops}), so the installer and the Java side always agree.
 */
public record PeerBinaries(Path kubeApiServer, Path kubectl, Path etcd, Path istioCrds, String kubernetesVersion) {

    /** What to run when a peer is missing. */
    public static final String INSTALL_COMMAND = "bin/install-peers";

    /** The peers of this build's pinned versions; fails naming the missing file and the command that builds it. */
    public static PeerBinaries installed() {
        Properties versions = versions();
        Path cache = cacheRoot();
        String kubernetes = versions.getProperty("kubernetes");
        Path k8s = cache.resolve("k8s").resolve("v" + kubernetes);
        PeerBinaries binaries = new PeerBinaries(k8s.resolve("kube-apiserver"), k8s.resolve("kubectl"),
                cache.resolve("etcd").resolve("v" + versions.getProperty("etcd")).resolve("etcd"),
                cache.resolve("istio-api").resolve("v" + versions.getProperty("istio-api")).resolve("crds.yaml"),
                kubernetes);
        for (Path file : new Path[] {binaries.kubeApiServer, binaries.kubectl, binaries.etcd, binaries.istioCrds}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: run " + INSTALL_COMMAND
                        + " to build the real Kubernetes peers (once, about 10 minutes)");
            }
        }
        return binaries;
    }

    static Path cacheRoot() {
        String configured = System.getenv("BURST_GITOPS_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "burst-gitops");
    }

    private static Properties versions() {
        try (InputStream in = PeerBinaries.class.getResourceAsStream("/peers.properties")) {
            if (in == null) {
                throw new IllegalStateException("peers.properties is not on the class path: build with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

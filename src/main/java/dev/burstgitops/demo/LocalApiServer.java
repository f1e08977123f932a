package dev.burstgitops.demo;

import dev.burstgitops.sync.CustomResourceDefinitions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A real kube-apiserver (built by {@code bin/install-peers}) on 127.0.0.1 only, the way
 * controller-runtime's envtest runs one: secure port with a self-signed certificate, static
 * bearer tokens, generated service-account keys, RBAC, storage in a shared {@link LocalEtcd}
 * under a prefix of its own, and Istio's CRDs (VirtualService, DestinationRule, Gateway) and its
 * {@code istio-system} namespace in place, as an Istio installation leaves a cluster. It has no
 * nodes, controller-manager or garbage collector: Deployments never become available by
 * themselves and a Namespace delete does not cascade.
 *
 * <p>Every request by its two users is recorded by the server's own audit log, in the stage it is
 * received, so that a test can count the requests and writes a pass made.
 */
public final class LocalApiServer implements AutoCloseable {

    /** The user the controller connects as, and the one a person's kubectl uses: both cluster admins. */
    public static final String CONTROLLER_USER = "burst-gitops";
    public static final String PERSON_USER = "person";

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final PeerProcess process;
    private final URI url;
    private final Path dir;
    private final String controllerToken;
    private final String personToken;

    private LocalApiServer(PeerProcess process, URI url, Path dir, String controllerToken, String personToken) {
        this.process = process;
        this.url = url;
        this.dir = dir;
        this.controllerToken = controllerToken;
        this.personToken = personToken;
    }

    /** Starts a server storing under {@code /<prefix>} in {@code etcd}, its files in {@code dir}; returns once it serves the Istio CRDs. */
    public static LocalApiServer start(PeerBinaries binaries, LocalEtcd etcd, Path dir, String prefix) {
        try {
            Files.createDirectories(dir);
            String controllerToken = randomToken();
            String personToken = randomToken();
            Files.writeString(dir.resolve("tokens.csv"),
                    controllerToken + "," + CONTROLLER_USER + ",1,\"system:masters\"\n"
                            + personToken + "," + PERSON_USER + ",2,\"system:masters\"\n");
            ServiceAccountKeys.write(dir.resolve("sa.key"), dir.resolve("sa.pub"));
            Files.writeString(dir.resolve("audit-policy.yaml"), AUDIT_POLICY);
            for (int attempt = 1; ; attempt++) {
                int port = FreePorts.pick();
                URI url = URI.create("https://127.0.0.1:" + port);
                PeerProcess process = PeerProcess.start("kube-apiserver", command(binaries, etcd, dir, prefix, port),
                        dir.resolve("kube-apiserver.log"));
                LocalApiServer server = new LocalApiServer(process, url, dir, controllerToken, personToken);
                if (process.awaitReady(server::ready, READY_WITHIN)) {
                    server.installIstio(binaries.istioCrds());
                    return server;
                }
                process.close();
                if (attempt == 3 || process.logTail().contains("etcd")) {
                    throw process.notReady();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kube-apiserver in " + dir, e);
        }
    }

    private static List<String> command(PeerBinaries binaries, LocalEtcd etcd, Path dir, String prefix, int port) {
        List<String> command = new ArrayList<>(List.of(binaries.kubeApiServer().toString(),
                "--etcd-servers=" + etcd.url(), "--etcd-prefix=/" + prefix,
                "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", "--secure-port=" + port,
                "--cert-dir=" + dir.resolve("certs"),
                "--token-auth-file=" + dir.resolve("tokens.csv"),
                "--authorization-mode=RBAC",
                "--service-account-issuer=https://127.0.0.1:" + port,
                "--service-account-key-file=" + dir.resolve("sa.pub"),
                "--service-account-signing-key-file=" + dir.resolve("sa.key"),
                "--service-cluster-ip-range=10.0.0.0/24",
                "--allow-privileged=true",
                // No controller-manager mints service-account tokens here, as in envtest.
                "--disable-admission-plugins=ServiceAccount",
                "--audit-policy-file=" + dir.resolve("audit-policy.yaml"),
                "--audit-log-path=" + dir.resolve("audit.log"),
                "--audit-log-mode=blocking",
                "-v=0"));
        return command;
    }

    /**
     * Records each request of the two users (not the server's own housekeeping, not watches) in the
     * stage it is received, so it is in the log before the client has its answer.
     */
    private static final String AUDIT_POLICY = """
            apiVersion: audit.k8s.io/v1
            kind: Policy
            omitStages: [ResponseStarted, ResponseComplete, Panic]
            rules:
              - level: None
                verbs: [watch]
              - level: Metadata
                users: [%s, %s]
              - level: None
            """.formatted(CONTROLLER_USER, PERSON_USER);

    public URI url() {
        return url;
    }

    /** The server's audit log: one JSON object per line, one line per request of either user. */
    public Path auditLog() {
        return dir.resolve("audit.log");
    }

    /** The self-signed CA bundle the server generated at start. */
    public Path caCertificate() {
        return dir.resolve("certs").resolve("apiserver.crt");
    }

    /** Writes a kubeconfig for the controller's user, whose one context (the current one) is {@code context}. */
    public Path writeKubeconfig(Path file, String context) {
        return writeKubeconfig(file, context, CONTROLLER_USER);
    }

    /** Writes a kubeconfig for {@code user} ({@link #CONTROLLER_USER} or {@link #PERSON_USER}), namespace {@code default}. */
    public Path writeKubeconfig(Path file, String context, String user) {
        String token = PERSON_USER.equals(user) ? personToken : controllerToken;
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                    certificate-authority: %3$s
                users:
                - name: %4$s
                  user:
                    token: %5$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %4$s
                    namespace: default
                current-context: %1$s
                """.formatted(context, url, caCertificate().toAbsolutePath(), user, token);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, kubeconfig);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kubeconfig " + file, e);
        }
    }

    /** A client for the controller's user; the caller closes it. */
    public KubernetesClient client() {
        Config config = Config.fromKubeconfig(null, readKubeconfig(), null);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private String readKubeconfig() {
        try {
            Path file = writeKubeconfig(dir.resolve("kubeconfig"), "local");
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean ready() {
        if (!Files.isRegularFile(caCertificate())) {
            return false;
        }
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(TrustedCertificates.sslContext(caCertificate()))
                    .connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url.resolve("/readyz"))
                    .header("Authorization", "Bearer " + controllerToken).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What an Istio installation leaves in a cluster before any application: its CRDs and its namespace. */
    private void installIstio(Path crds) {
        try (KubernetesClient client = client(); InputStream in = Files.newInputStream(crds)) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName("istio-system").endMetadata().build())
                    .fieldManager(PERSON_USER).forceConflicts().serverSideApply();
            List<HasMetadata> items = client.load(in).items();
            for (HasMetadata item : items) {
                client.resource(item).fieldManager(PERSON_USER).forceConflicts().serverSideApply();
            }
            for (HasMetadata item : items) {
                CustomResourceDefinitions.awaitEstablished(client, item.getMetadata().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + crds, e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Stops the server; its directory (logs, audit log) stays for the caller to remove. */
    @Override
    public void close() {
        process.close();
    }
}

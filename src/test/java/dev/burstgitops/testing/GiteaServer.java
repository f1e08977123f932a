package dev.burstgitops.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real Gitea, built by {@code bin/install-peers} into the peers' cache, serving HTTP on a free
 * port of 127.0.0.1 with SQLite in a temp dir. One is started per test JVM on first use, as
 * {@link TestPeers} does for the Kubernetes peers, and stopped when the JVM exits; each test
 * makes repositories of its own. Two users: {@value #CONTROLLER}, who owns the repositories and
 * whose token the controller uses, and {@value #PERSON}, a site administrator who stands for the
 * people reviewing, merging and closing pull requests. Their tokens never leave this class except
 * through {@link #controllerToken()} and {@link #personToken()}.
 */
public final class GiteaServer {

    public static final String CONTROLLER = "burst-gitops";
    public static final String PERSON = "maintainer";
    private static final String INSTALL_HINT = "run bin/install-peers to build Gitea (once, about 10 minutes)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int START_ATTEMPTS = 3;
    private static final AtomicInteger REPOSITORIES = new AtomicInteger();
    private static GiteaServer shared;

    private final Process process;
    private final Path workDir;
    private final int port;
    private final Secret controllerToken;
    private final Secret personToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GiteaServer(Process process, Path workDir, int port, Secret controllerToken, Secret personToken) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.controllerToken = controllerToken;
        this.personToken = personToken;
    }

    /** The Gitea of this test JVM, started on first use. Fails naming the command that builds it when it is missing. */
    public static synchronized GiteaServer shared() {
        if (shared == null) {
            Path dir = tempDir();
            shared = start(dir);
            GiteaServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.stop();
                deleteRecursively(dir);
            }, "stop-gitea"));
        }
        return shared;
    }

    /** Where bin/install-peers put Gitea's binary, next to the options/, templates/ and public/ it reads at run time. */
    public static Path home() {
        Properties versions = new Properties();
        try (InputStream in = GiteaServer.class.getResourceAsStream("/peers.properties")) {
            if (in == null) {
                throw new IllegalStateException("peers.properties is not on the class path: build with Maven");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String configured = System.getenv("BURST_GITOPS_CACHE");
        Path cache = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "burst-gitops");
        return cache.resolve("gitea").resolve("v" + versions.getProperty("gitea"));
    }

    static GiteaServer start(Path workDir) {
        Path home = home();
        Path binary = home.resolve("gitea");
        if (!Files.isExecutable(binary) || !Files.isDirectory(home.resolve("templates"))) {
            throw new IllegalStateException(binary + " is missing: " + INSTALL_HINT);
        }
        Path config = workDir.resolve("custom/conf/app.ini");
        GiteaConfig settings = GiteaConfig.generate(home, workDir);
        // The port is only in app.ini's [server] section, which the CLI commands do not use.
        GitRemotes.write(config, settings.render(LocalServers.freePort()));
        GiteaCli.run(binary, workDir, config, "migrate");
        Secret controllerToken = GiteaCli.createUser(binary, workDir, config, CONTROLLER, false);
        Secret personToken = GiteaCli.createUser(binary, workDir, config, PERSON, true);
        IllegalStateException lastFailure = null;
        // A free port can be taken by another process between probing and binding: try again.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = LocalServers.freePort();
            GitRemotes.write(config, settings.render(port));
            GiteaServer server = new GiteaServer(launch(binary, workDir, config), workDir, port, controllerToken,
                    personToken);
            try {
                server.awaitServing();
                return server;
            } catch (IllegalStateException e) {
                server.stop();
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /**
     * A new repository of {@value #CONTROLLER} named {@code <prefix>-<n>} whose {@code main} holds
     * {@code files} in one commit; returns the name.
     */
    public String createRepository(String prefix, Map<String, String> files) {
        String name = prefix + "-" + REPOSITORIES.incrementAndGet();
        api(controllerToken, "POST", "/user/repos", Map.of("name", name, "default_branch", GitRemotes.BRANCH,
                "auto_init", false, "private", false));
        Path seed = GitRemotes.createBare(workDir.resolve("seeds").resolve(name + ".git"), files);
        GitCli.run(seed, withToken(controllerToken), "push", "--quiet", cloneUrl(name).toString(),
                "refs/heads/" + GitRemotes.BRANCH + ":refs/heads/" + GitRemotes.BRANCH);
        // Gitea marks the repository non-empty from a queue after the push; until then its
        // pull-request API answers 404 (mustAllowPulls).
        await("Gitea sees the pushed " + name).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !api(controllerToken, "GET", "/repos/" + repository(name), null).path("empty").asBoolean(true));
        return name;
    }

    /** The HTTP clone URL of {@value #CONTROLLER}'s repository {@code name}, without credentials. */
    public URI cloneUrl(String name) {
        return URI.create(baseUrl() + CONTROLLER + "/" + name + ".git");
    }

    /** The API root, for git.pullRequest.apiUrl. */
    public URI apiUrl() {
        return URI.create(baseUrl());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** {@code owner/name} of a repository made by {@link #createRepository}. */
    public String repository(String name) {
        return CONTROLLER + "/" + name;
    }

    public Secret controllerToken() {
        return controllerToken;
    }

    public Secret personToken() {
        return personToken;
    }

    /** What a person does in the web page: a call of the API with {@value #PERSON}'s token. */
    public JsonNode asPerson(String method, String path, Object body) {
        return api(personToken, method, path, body);
    }

    /** A read with {@value #PERSON}'s token. */
    public JsonNode read(String path) {
        return api(personToken, "GET", path, null);
    }

    /** The git command's environment that authenticates as {@value #CONTROLLER}, kept out of any command line. */
    public Map<String, String> gitEnvironment() {
        return withToken(controllerToken);
    }

    public Path workDir() {
        return workDir;
    }

    private JsonNode api(Secret token, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "api/v1" + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "token " + token.reveal())
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> withToken(Secret token) {
        // Through the environment, so that no command line (and so no error message) shows it.
        return Map.of("GIT_CONFIG_COUNT", "1", "GIT_CONFIG_KEY_0", "http.extraHeader",
                "GIT_CONFIG_VALUE_0", "Authorization: token " + token.reveal());
    }

    private static Process launch(Path binary, Path workDir, Path config) {
        try {
            return new ProcessBuilder(binary.toString(), "--config", config.toString(), "--work-path", workDir.toString(),
                    "web").directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("gitea-web.out").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    private void awaitServing() {
        await("Gitea serving on port " + port)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsMatching(e -> e instanceof UncheckedIOException)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("gitea web exited " + process.exitValue() + ": "
                                + Files.readString(workDir.resolve("gitea-web.out")));
                    }
                    return api(controllerToken, "GET", "/version", null).has("version");
                });
    }

    private void stop() {
        LocalServers.stop(process);
    }


    private static Path tempDir() {
        try {
            return Files.createTempDirectory("burst-gitops-gitea-");
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

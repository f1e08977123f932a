package dev.burstgitops.testing;

import static org.awaitility.Awaitility.await;

import dev.burstgitops.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A smart-HTTP Git remote as a hosting service runs one: C git's {@code git http-backend} as a
 * CGI behind lighttpd on 127.0.0.1, every request behind basic auth (user {@value #USERNAME}
 * and a random token). Repositories are bare directories under {@link #projectRoot()}, made by
 * {@link #createRepository}, and refuse non-fast-forward pushes.
 */
public final class GitHttpServer implements AutoCloseable {

    public static final String USERNAME = "burst-gitops";
    private static final String INSTALL_HINT = "lighttpd not found: apt-get install -y --no-install-recommends lighttpd";
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path projectRoot;
    private final Secret token;

    private GitHttpServer(Process process, int port, Path projectRoot, Secret token) {
        this.process = process;
        this.port = port;
        this.projectRoot = projectRoot;
        this.token = token;
    }

    /** Starts a server keeping its config, logs and repositories in {@code workDir}. */
    public static GitHttpServer start(Path workDir) {
        Path lighttpd = findLighttpd();
        Path projectRoot = workDir.resolve("repositories");
        GitRemotes.createDirectories(projectRoot);
        Secret token = Secret.of(HexFormat.of().formatHex(new SecureRandom().generateSeed(16)), "test");
        GitRemotes.write(workDir.resolve("users"), USERNAME + ":" + token.reveal() + "\n");
        IllegalStateException lastFailure = null;
        // A free port can be taken by another process between probing and binding: try again.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = LocalServers.freePort();
            Path config = workDir.resolve("lighttpd.conf");
            GitRemotes.write(config, GitHttpServerConfig.render(port, projectRoot, workDir, gitExecPath()));
            Process process = launch(lighttpd, config, workDir);
            try {
                awaitServing(process, port, workDir);
                return new GitHttpServer(process, port, projectRoot, token);
            } catch (IllegalStateException e) {
                process.destroyForcibly();
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /** A bare repository {@code <name>.git} served at {@link #url(String)}, seeded with {@code files}. */
    public Path createRepository(String name, Map<String, String> files) {
        return GitRemotes.createBare(repositoryDir(name), files);
    }

    public Path repositoryDir(String name) {
        return projectRoot.resolve(name + ".git");
    }

    public URI url(String name) {
        return URI.create("http://127.0.0.1:" + port + "/" + name + ".git");
    }

    /** The URL with user and token in it, for the git command line as a second client. */
    public String authenticatedUrl(String name) {
        return "http://" + USERNAME + ":" + token.reveal() + "@127.0.0.1:" + port + "/" + name + ".git";
    }

    public String username() {
        return USERNAME;
    }

    public Secret token() {
        return token;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        LocalServers.stop(process);
    }

    private static Process launch(Path lighttpd, Path config, Path workDir) {
        try {
            // -D: stay in the foreground as our child, so close() ends it.
            return new ProcessBuilder(lighttpd.toString(), "-D", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("lighttpd.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + lighttpd, e);
        }
    }

    private static void awaitServing(Process process, int port, Path workDir) {
        await("lighttpd serving on port " + port)
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("lighttpd exited " + process.exitValue() + ": "
                                + readQuietly(workDir.resolve("lighttpd.out")) + readQuietly(workDir.resolve("error.log")));
                    }
                    return answers(port);
                });
    }

    // Any HTTP status counts, the 401 of basic auth included: the server is up.
    private static boolean answers(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path findLighttpd() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/usr/local/sbin", "/sbin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "lighttpd"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
    }

    private static Path gitExecPath() {
        return Path.of(GitCli.run(Path.of("."), "--exec-path").strip());
    }


    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}

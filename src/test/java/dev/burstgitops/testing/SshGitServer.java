package dev.burstgitops.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An SSH Git remote as a plain server runs one: Debian's OpenSSH {@code sshd} on 127.0.0.1 and a
 * free port, as the current user, with a host key and client keys made by {@code ssh-keygen}.
 * Public-key authentication only, against an authorized_keys file of this server's own; the
 * session runs C git's {@code git-upload-pack}/{@code git-receive-pack} on bare repositories
 * under {@link #projectRoot()}, which refuse non-fast-forward pushes. Nothing of the machine's
 * SSH setup is used: the config, keys, pid file and log are all in the work directory.
 */
public final class SshGitServer implements AutoCloseable {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final String INSTALL_HINT =
            "/usr/sbin/sshd not found: apt-get install -y --no-install-recommends openssh-server";
    private static final int START_ATTEMPTS = 3;
    private static final String USER = System.getProperty("user.name");

    private final Process process;
    private final int port;
    private final Path workDir;
    private final Path projectRoot;
    private final Path clientKey;

    private SshGitServer(Process process, int port, Path workDir, Path projectRoot, Path clientKey) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
        this.projectRoot = projectRoot;
        this.clientKey = clientKey;
    }

    /** Starts a server keeping its config, keys, log and repositories in {@code workDir}. */
    public static SshGitServer start(Path workDir) {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(INSTALL_HINT);
        }
        Path projectRoot = workDir.resolve("repositories");
        Path keys = workDir.resolve("keys");
        GitRemotes.createDirectories(projectRoot);
        GitRemotes.createDirectories(keys);
        Path hostKey = keygen(keys.resolve("host_ed25519"), "", "test host");
        Path clientKey = keygen(keys.resolve("client_ed25519"), "", "burst-gitops deploy key");
        Path authorized = keys.resolve("authorized_keys");
        GitRemotes.write(authorized, read(pub(clientKey)));
        ensurePrivilegeSeparationDir();
        IllegalStateException lastFailure = null;
        // A free port can be taken by another process between probing and binding: try again.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = LocalServers.freePort();
            Path config = workDir.resolve("sshd_config");
            GitRemotes.write(config, config(port, hostKey, authorized, workDir.resolve("sshd.pid")));
            Process process = launch(config, workDir.resolve("sshd.log"));
            try {
                awaitBanner(process, port, workDir.resolve("sshd.log"));
                return new SshGitServer(process, port, workDir, projectRoot, clientKey);
            } catch (IllegalStateException e) {
                process.destroyForcibly();
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    private static String config(int port, Path hostKey, Path authorized, Path pidFile) {
        return String.join("\n",
                "ListenAddress 127.0.0.1:" + port,
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorized,
                "PidFile " + pidFile,
                // The temp directory's permissions are not a user's home's; sshd would refuse the keys.
                "StrictModes no",
                "UsePAM no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                // The tests may run as root (in a container); a key is all it takes, as for anyone.
                "PermitRootLogin prohibit-password",
                "AllowAgentForwarding no",
                "AllowTcpForwarding no",
                "X11Forwarding no",
                "PrintMotd no",
                "LogLevel VERBOSE",
                "") + "\n";
    }

    /** A bare repository {@code <name>.git} served at {@link #url(String)}, seeded with {@code files}. */
    public Path createRepository(String name, Map<String, String> files) {
        return GitRemotes.createBare(repositoryDir(name), files);
    }

    public Path repositoryDir(String name) {
        return projectRoot.resolve(name + ".git");
    }

    /** {@code ssh://user@127.0.0.1:port/<absolute path of the bare repository>}. */
    public URI url(String name) {
        return URI.create("ssh://" + USER + "@127.0.0.1:" + port + repositoryDir(name).toAbsolutePath());
    }

    /** The private half of the key authorized at start, without a passphrase. */
    public Path clientKey() {
        return clientKey;
    }

    /**
     * A new key pair {@code <name>} (protected by {@code passphrase} unless it is empty), its
     * public half authorized on this server; returns the private key file.
     */
    public Path authorizeNewKey(String name, String passphrase) {
        Path key = keygen(workDir.resolve("keys").resolve(name), passphrase, name);
        try {
            Files.writeString(workDir.resolve("keys/authorized_keys"), read(pub(key)), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    /** A key pair nobody authorized; returns the private key file. */
    public Path unauthorizedKey(String name) {
        return keygen(workDir.resolve("keys").resolve(name), "", name);
    }

    /** A known_hosts file with this server's host key as {@code ssh-keyscan -p PORT 127.0.0.1} reads it. */
    public Path knownHosts(Path file) {
        GitRemotes.write(file, keyscan());
        return file;
    }

    /**
     * A known_hosts file naming this server's address with another host key: what a client
     * sees when someone else answers on that address, or the host key changed.
     */
    public Path knownHostsWithAnotherKey(Path file) {
        Path other = keygen(workDir.resolve("keys").resolve("impostor_host_ed25519"), "", "another host");
        GitRemotes.write(file, "[127.0.0.1]:" + port + " " + read(pub(other)));
        return file;
    }

    public int port() {
        return port;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /** What sshd logged: each accepted or refused key is there. */
    public String log() {
        return read(workDir.resolve("sshd.log"));
    }

    @Override
    public void close() {
        LocalServers.stop(process);
    }

    private String keyscan() {
        ProcessResult scan = run(List.of("ssh-keyscan", "-p", String.valueOf(port), "-t", "ed25519", "127.0.0.1"));
        if (scan.exitCode() != 0 || !scan.stdout().contains("[127.0.0.1]:" + port)) {
            throw new IllegalStateException("ssh-keyscan exited " + scan.exitCode() + ": " + scan.stdout());
        }
        return scan.stdout();
    }

    private static Path keygen(Path file, String passphrase, String comment) {
        ProcessResult made = run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", comment,
                "-f", file.toString()));
        if (made.exitCode() != 0) {
            throw new IllegalStateException("ssh-keygen exited " + made.exitCode() + ": " + made.stdout());
        }
        return file;
    }

    /**
     * sshd started as root separates privileges into a chroot at /run/sshd, which the Debian
     * service creates at boot; a container that never ran the service lacks it.
     */
    private static void ensurePrivilegeSeparationDir() {
        if (!"root".equals(USER)) {
            return;
        }
        try {
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            throw new UncheckedIOException("sshd as root needs /run/sshd", e);
        }
    }

    private static Process launch(Path config, Path log) {
        try {
            // -D: stay in the foreground as our child, so close() ends it; -e: log to stderr.
            return new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + SSHD, e);
        }
    }

    private static void awaitBanner(Process process, int port, Path log) {
        await("sshd serving on port " + port)
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("sshd exited " + process.exitValue() + ": " + read(log));
                    }
                    return answersWithBanner(port);
                });
    }

    // The identification line "SSH-2.0-OpenSSH_..." is the first thing a listening sshd sends.
    private static boolean answersWithBanner(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] banner = new byte[4];
            return in.readNBytes(banner, 0, 4) == 4 && new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    private record ProcessResult(int exitCode, String stdout) {
    }

    private static ProcessResult run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in 30 s");
            }
            return new ProcessResult(process.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    private static Path pub(Path key) {
        return key.resolveSibling(key.getFileName() + ".pub");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

package dev.burstgitops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SSH signing keys made by the real {@code ssh-keygen}, and allowed-signers files in git's
 * {@code gpg.ssh.allowedSignersFile} format naming them: the keys a controller signs with and
 * the list a verifier (this controller, or C git's {@code verify-commit}) checks against.
 */
public final class SigningKeys {

    private final Path dir;

    public SigningKeys(Path dir) {
        this.dir = dir;
        GitRemotes.createDirectories(dir);
    }

    /** A new unencrypted ed25519 key pair; returns the private key file ({@code <name>.pub} beside it). */
    public Path create(String name) {
        Path key = dir.resolve(name);
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
        return key;
    }

    /** The public half of {@code privateKey}, as one line of {@code <type> <base64> <comment>}. */
    public static String publicKey(Path privateKey) {
        try {
            return Files.readString(privateKey.resolveSibling(privateKey.getFileName() + ".pub")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line from the middle of a private key file's base64 body: any leak of the key contains it. */
    public static String privateKeyLine(Path privateKey) {
        try {
            List<String> lines = Files.readAllLines(privateKey);
            return lines.get(lines.size() / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An allowed-signers file where {@code principal} may sign Git objects with each of {@code keys}. */
    public Path allowedSigners(String fileName, String principal, Path... keys) {
        List<String> lines = Arrays.stream(keys)
                .map(key -> principal + " namespaces=\"git\" " + publicKey(key))
                .toList();
        Path file = dir.resolve(fileName);
        GitRemotes.write(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

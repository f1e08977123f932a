package dev.burstgitops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * The real {@code kubectl}, built by {@code bin/install-peers} from the same Kubernetes release as
 * the test API servers (no version skew), pointed at one kubeconfig: the independent second client
 * in sync tests. Its discovery cache goes to a directory of the test's own so runs never share it.
 */
public final class Kubectl {

    /** What one run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final Path kubeconfig;
    private final Path cacheDir;

    public Kubectl(Path kubeconfig, Path cacheDir) {
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    /** Runs kubectl and fails the test, with kubectl's stderr, when it exits non-zero. */
    public String run(String... args) {
        Result result = tryRun(args);
        if (!result.succeeded()) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " exited " + result.exitCode()
                    + ": " + result.stderr());
        }
        return result.stdout();
    }

    /** {@code kubectl get} of one object in {@code namespace} with managed fields, through a JSONPath template. */
    public String jsonPath(String resource, String namespace, String name, String template) {
        return run("get", resource, name, "-n", namespace, "--show-managed-fields", "-o", "jsonpath=" + template);
    }

    /** {@code kubectl get -o json} of one object, parsed. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getJson(String resource, String namespace, String name) {
        List<String> args = new ArrayList<>(List.of("get", resource, name, "-o", "json"));
        if (!namespace.isEmpty()) {
            args.addAll(List.of("-n", namespace));
        }
        return (Map<String, Object>) new Yaml().load(run(args.toArray(String[]::new)));
    }

    public Result tryRun(String... args) {
        List<String> command = new ArrayList<>(List.of(TestPeers.binaries().kubectl().toString(), "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", cacheDir.toString(), "--request-timeout", "20s"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while kubectl ran", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }
}

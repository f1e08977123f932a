package dev.burstgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status --server URL [-o json]}: what a running controller last did, read from its
 * {@code /status}, as two tables (policies, clusters) the way {@code flux get} prints them.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a running controller's /status as tables.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the controller answered and reports no error",
                "1:it reports an error for a policy, a cluster or its Git fetches, or it did not answer"})
final class StatusCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL",
            description = "The controller's HTTP address (default ${DEFAULT-VALUE}); through kubectl:"
                    + " kubectl -n burst-gitops port-forward deploy/burst-gitops 8080")
    URI server;

    @Mixin
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode status;
        try {
            status = fetch();
        } catch (IOException e) {
            err.println("status: " + server + " did not answer: " + e.getMessage());
            return ExitCodes.PROBLEMS;
        }
        if (output.json()) {
            OutputFormat.print(status, out);
        } else {
            print(status, out);
        }
        return reportsAnError(status) ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    private JsonNode fetch() throws IOException {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        Request request = new Request.Builder().url(server.resolve("/status").toString()).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return JSON.readTree(response.body().string());
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static void print(JsonNode status, PrintWriter out) {
        List<List<String>> policies = new ArrayList<>();
        policies.add(List.of("POLICY", "MODE", "OBSERVED", "BURST SIDE", "LAST COMMIT", "OVERRIDE", "MESSAGE"));
        for (Iterator<Map.Entry<String, JsonNode>> it = status.path("policies").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> policy = it.next();
            JsonNode view = policy.getValue();
            String mode = text(view, "mode") + (view.hasNonNull("share") ? " " + view.get("share").asInt() + "%" : "");
            String side = !view.has("burstSide") ? "-" : view.path("burstSide").path("ready").asBoolean()
                    ? "ready" : "not ready";
            String message = view.hasNonNull("lastError") ? "error: " + text(view, "lastError") : text(view, "reason");
            policies.add(List.of(policy.getKey(), mode, text(view, "observed"), side, shortId(text(view, "lastCommit")),
                    text(view, "override"), message));
        }
        Table.print(policies, out);
        out.println();
        List<List<String>> clusters = new ArrayList<>();
        clusters.add(List.of("CLUSTER", "SYNCED", "APPLIED", "UNCHANGED", "PRUNED", "FAILED", "DRIFT", "MESSAGE"));
        for (Iterator<Map.Entry<String, JsonNode>> it = status.path("clusters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cluster = it.next();
            JsonNode view = cluster.getValue();
            clusters.add(List.of(cluster.getKey(), shortId(text(view, "lastSyncedCommit")),
                    Long.toString(view.path("created").asLong() + view.path("configured").asLong()),
                    text(view, "unchanged"), text(view, "pruned"), text(view, "failed"),
                    view.path("drift").asBoolean() ? "yes" : "no",
                    view.hasNonNull("lastError") ? "error: " + text(view, "lastError") : "-"));
        }
        Table.print(clusters, out);
        JsonNode git = status.path("git");
        if (git.hasNonNull("lastError")) {
            out.println();
            out.println("git: " + text(git, "lastError"));
        }
        if (git.hasNonNull("refusedHead")) {
            out.println();
            out.println("git: " + text(git.path("refusedHead"), "message") + ", since "
                    + text(git.path("refusedHead"), "since") + "; the clusters stay at " + shortId(text(git, "head")));
        }
    }

    private static boolean reportsAnError(JsonNode status) {
        for (String section : List.of("policies", "clusters")) {
            for (JsonNode view : status.path(section)) {
                if (view.hasNonNull("lastError")) {
                    return true;
                }
            }
        }
        return status.path("git").hasNonNull("lastError") || status.path("git").hasNonNull("refusedHead");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "-" : value.asText();
    }

    private static String shortId(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}

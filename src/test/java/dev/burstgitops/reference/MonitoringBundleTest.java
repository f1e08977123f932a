package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.burstgitops.cli.RunMetrics;
import dev.burstgitops.decision.Mode;
import dev.burstgitops.server.ControllerHttpServer;
import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import dev.burstgitops.server.ServerInputs;
import dev.burstgitops.server.ServerSettings;
import dev.burstgitops.status.SyncAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * apps/burst-gitops/monitoring: the ServiceMonitor finds the controller's metrics port, the real
 * {@code promtool} accepts the PrometheusRule's groups and its unit tests pass (input series in,
 * expected alerts out), and every metric and label the rules and the Grafana dashboard name is
 * one a real scrape of the controller's /metrics serves, so that no panel stays empty and no
 * alert waits for a series that never comes.
 */
class MonitoringBundleTest {

    private static final String BUNDLE = "apps/burst-gitops/monitoring";
    private static final String PROMTOOL = "/usr/bin/promtool";
    private static final String UNIT_TESTS = "/monitoring/burst-gitops-alerts-test.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Labels Prometheus gives every series it scrapes through the ServiceMonitor, not burst-gitops. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance", "namespace", "pod", "service",
            "endpoint", "container");
    /** Series Prometheus makes itself for every target. */
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up");
    private static final Set<String> PROMQL_KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by",
            "without", "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2");

    @TempDir
    Path dir;

    @Test
    void theBundleIsOptInAndItsKustomizationRendersItsThreeObjects() {
        Manifest kustomization = load(BUNDLE + "/kustomization.yaml");
        assertThat(((List<?>) kustomization.get("resources")).stream().map(Object::toString).toList())
                .containsExactly("servicemonitor.yaml", "prometheusrule.yaml", "grafana-dashboard.yaml");

        // The real kustomize builds it, as an operator's `kubectl apply -k` would.
        assertThat(Kustomize.render(ReferenceRepository.path(BUNDLE))).extracting(Manifest::key).containsExactly(
                "ConfigMap burst-gitops/burst-gitops-dashboard",
                "PrometheusRule burst-gitops/burst-gitops",
                "ServiceMonitor burst-gitops/burst-gitops");
        // Opt-in: neither the controller's own directory nor any cluster names it.
        for (String file : List.of("apps/burst-gitops/kustomization.yaml", "clusters/primary/kustomization.yaml",
                "clusters/burst/kustomization.yaml")) {
            assertThat((List<?>) load(file).get("resources")).as(file)
                    .noneSatisfy(resource -> assertThat(resource.toString()).contains("monitoring"));
        }
    }

    @Test
    void theServiceMonitorScrapesTheMetricsPortOfTheControllersServiceAndNeverTheWebhook() {
        // Read when the test runs: the Services and the Deployment's ports are another team's files.
        Manifest monitor = only("ServiceMonitor");
        Map<String, Object> selector = monitor.map("spec", "selector", "matchLabels");
        Manifest endpoint = monitor.list("spec", "endpoints").get(0);
        String port = endpoint.string("port");
        List<Manifest> services = ReferenceRepository.objectsUnder("apps/burst-gitops").stream()
                .filter(o -> "Service".equals(o.kind()))
                .filter(o -> o.map("metadata", "labels").entrySet().containsAll(selector.entrySet()))
                .toList();
        List<Manifest> scraped = services.stream()
                .filter(service -> service.list("spec", "ports").stream().anyMatch(p -> port.equals(p.string("name"))))
                .toList();

        assertThat(monitor.list("spec", "endpoints")).hasSize(1);
        assertThat(endpoint.string("path")).isEqualTo("/metrics");
        // Exactly the controller's Service: the selector also matches the webhook's, which must yield no target.
        assertThat(scraped).extracting(Manifest::name).containsExactly("burst-gitops");
        assertThat(services).extracting(Manifest::name).contains("burst-gitops-webhook");
        Object targetPort = scraped.get(0).list("spec", "ports").stream()
                .filter(p -> port.equals(p.string("name"))).findFirst().orElseThrow().get("targetPort");
        List<String> containerPorts = ReferenceRepository.objectsUnder("apps/burst-gitops").stream()
                .filter(o -> o.key().equals("Deployment burst-gitops/burst-gitops"))
                .flatMap(d -> d.list("spec", "template", "spec", "containers").stream())
                .flatMap(c -> c.list("ports").stream())
                .map(p -> p.string("name")).toList();
        assertThat(containerPorts).as("the container port behind Service port %s", port)
                .contains(targetPort.toString());
        // The Service's name is the job label the Operator gives the targets, which `up` is selected by.
        assertThat(ruleExpressions()).contains("absent(up{job=\"" + scraped.get(0).name() + "\"} == 1)");
    }

    @Test
    void promtoolChecksTheRuleGroupsAndWouldRejectABrokenOne() throws IOException {
        Path rules = writeRules(dir, ruleGroups());

        Promtool check = promtool(dir, "check", "rules", rules.getFileName().toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + alerts().size() + " rules found");
        // The same file with one expression broken: promtool's "SUCCESS" above is a verdict.
        Files.writeString(rules, Files.readString(rules).replace("== 1", "== == 1"));
        Promtool broken = promtool(dir, "check", "rules", rules.getFileName().toString());
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output()).contains("parse error");
    }

    @Test
    void theAlertsTheIssueAsksForAreThereEachWithASeverityASummaryAndADescription() {
        assertThat(alerts()).extracting(a -> a.string("alert")).contains(
                "BurstGitopsSyncFailing", "BurstGitopsMetricQueryFailing", "BurstGitopsPushFailing",
                "BurstGitopsDown", "BurstGitopsNoLeader", "BurstGitopsInBurstTooLong", "BurstGitopsConfigRejected",
                "BurstGitopsClusterUnreachable", "BurstGitopsGitFetchFailing", "BurstGitopsHeadNotVerified");
        assertThat(alerts()).allSatisfy(alert -> {
            assertThat(alert.string("labels", "severity")).as(alert.string("alert")).isIn("warning", "critical");
            assertThat(alert.string("annotations", "summary")).as(alert.string("alert")).isNotBlank();
            assertThat(alert.string("annotations", "description")).as(alert.string("alert")).isNotBlank();
        });
        // The configurable threshold is documented where it is set.
        Manifest tooLong = alerts().stream().filter(a -> a.string("alert").equals("BurstGitopsInBurstTooLong"))
                .findFirst().orElseThrow();
        assertThat(tooLong.string("for")).isEqualTo("2h");
        String text = ReferenceRepository.read(ReferenceRepository.path(BUNDLE + "/prometheusrule.yaml"));
        String beforeIt = text.substring(0, text.indexOf("- alert: BurstGitopsInBurstTooLong"));
        String ruleText = text.substring(beforeIt.length(), text.indexOf("- alert:", beforeIt.length() + 1));
        assertThat(ruleText).contains("THE THRESHOLD", "Change `for:` below");
    }

    @Test
    void theAlertsFireWhenTheirUnitTestsExpectAndTheTestsPinTheBurstThreshold() throws IOException {
        Files.copy(MonitoringBundleTest.class.getResourceAsStream(UNIT_TESTS), dir.resolve("alerts-test.yaml"));
        writeRules(dir, ruleGroups());

        Promtool test = promtool(dir, "test", "rules", "alerts-test.yaml");

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
        // The threshold moved to 1h: the alert fires an hour early and the unit tests say so.
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, Files.readString(rules).replace("for: 2h", "for: 1h"));
        Promtool earlier = promtool(dir, "test", "rules", "alerts-test.yaml");
        assertThat(earlier.exitCode()).as(earlier.output()).isEqualTo(1);
        assertThat(earlier.output()).contains("FAILED", "alertname: BurstGitopsInBurstTooLong");
    }

    @Test
    void theMetricNameReaderFindsMetricsButNotFunctionsLabelsVariablesOrDurations() {
        // The check below is only as good as this reader: it must neither miss a name nor invent one.
        assertThat(metricNames("sum by (policy) (rate(burst_gitops_commits_total{policy=~\"$policy\"}"
                + "[$__rate_interval])) or 100 * max without (pod) (burst_gitops_mode{mode=\"burst\"} offset 5m)"))
                .containsExactlyInAnyOrder("burst_gitops_commits_total", "burst_gitops_mode");
        assertThat(metricNames("time() - max by (cluster) (burst_gitops_sync_last_success_timestamp_seconds)"))
                .containsExactly("burst_gitops_sync_last_success_timestamp_seconds");
        assertThat(metricNames("absent(up{job=\"burst-gitops\"} == 1)")).containsExactly("up");
    }

    @Test
    void everyMetricAndLabelTheRulesAndTheDashboardUseIsOneTheControllersMetricsEndpointServes() throws Exception {
        Map<String, Set<String>> served = scrapeTheRunningEndpoint();
        List<String> expressions = new ArrayList<>(ruleExpressions());
        expressions.addAll(dashboardExpressions());
        Set<String> used = new TreeSet<>();
        List<String> problems = new ArrayList<>();

        for (String expression : expressions) {
            Set<String> names = metricNames(expression);
            used.addAll(names);
            Set<String> labels = new HashSet<>(TARGET_LABELS);
            for (String name : names) {
                if (!served.containsKey(name) && !PROMETHEUS_SERIES.contains(name)) {
                    problems.add(name + " is not served (in: " + expression + ")");
                }
                labels.addAll(served.getOrDefault(name, Set.of()));
            }
            for (Map.Entry<String, Set<String>> selector : selectorLabels(expression).entrySet()) {
                Set<String> allowed = new HashSet<>(TARGET_LABELS);
                allowed.addAll(served.getOrDefault(selector.getKey(), Set.of()));
                for (String label : selector.getValue()) {
                    if (!allowed.contains(label)) {
                        problems.add(selector.getKey() + " has no label " + label + " (in: " + expression + ")");
                    }
                }
            }
            for (String label : groupingLabels(expression)) {
                if (!labels.contains(label)) {
                    problems.add("no series in it has label " + label + " (in: " + expression + ")");
                }
            }
        }
        for (Map.Entry<String, String> variable : dashboardLabelValues().entrySet()) {
            if (!served.getOrDefault(variable.getKey(), Set.of()).contains(variable.getValue())) {
                problems.add("variable label_values(" + variable.getKey() + ", " + variable.getValue() + ") reads nothing");
            }
        }

        assertThat(problems).isEmpty();
        // Read from both sources, so an empty reading cannot pass: the rules' and the dashboard's own.
        assertThat(used).contains("burst_gitops_mode", "burst_gitops_config_rejected", "burst_gitops_leader",
                "burst_gitops_policy_threshold", "burst_gitops_sync_pass_duration_seconds_bucket",
                "jvm_memory_used_bytes", "up");
    }

    @Test
    void theAlertTextsOnlyNameLabelsTheirExpressionKeeps() throws Exception {
        // {{ $labels.cluster }} of an expression aggregated "by (policy)" would print nothing.
        Map<String, Set<String>> served = scrapeTheRunningEndpoint();
        Pattern label = Pattern.compile("\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)");
        List<String> named = new ArrayList<>();
        for (Manifest alert : alerts()) {
            String expression = alert.string("expr");
            Set<String> kept = new HashSet<>();
            if (expression.contains(" by (")) {
                kept.addAll(groupingLabels(expression));
            } else {
                kept.addAll(TARGET_LABELS);
                metricNames(expression).forEach(name -> kept.addAll(served.getOrDefault(name, Set.of())));
                if (expression.contains(" without (")) {
                    kept.removeAll(groupingLabels(expression));
                }
            }
            for (String text : List.of(alert.string("annotations", "summary"), alert.string("annotations", "description"))) {
                Matcher m = label.matcher(text);
                while (m.find()) {
                    named.add(m.group(1));
                    assertThat(kept).as("%s: $labels.%s", alert.string("alert"), m.group(1)).contains(m.group(1));
                }
            }
        }
        assertThat(named).contains("policy", "cluster", "loop");
    }

    @Test
    void theDashboardIsAGrafanaDashboardWithThePanelsTheIssueAsksFor() throws IOException {
        Manifest configMap = only("ConfigMap");
        assertThat(configMap.map("metadata", "labels")).containsEntry("grafana_dashboard", "1");
        JsonNode dashboard = dashboard();
        List<JsonNode> panels = panels(dashboard);
        List<String> titles = panels.stream().map(p -> p.path("title").asText()).toList();

        assertThat(dashboard.path("uid").asText()).isEqualTo("burst-gitops");
        assertThat(titles).contains("Observed rate and thresholds: $policy", "Mode", "Burst share (%)",
                "Commits and decisions", "Sync pass duration", "Sync failures");
        // The thresholds are drawn with the observed rate, from the controller's own series.
        JsonNode rate = panels.stream().filter(p -> p.path("title").asText().startsWith("Observed rate")).findFirst()
                .orElseThrow();
        assertThat(rate.path("targets").findValuesAsText("expr"))
                .anyMatch(expr -> expr.contains("burst_gitops_observed_value"))
                .anyMatch(expr -> expr.contains("burst_gitops_policy_threshold"));
        assertThat(panels).extracting(p -> p.path("id").asInt()).doesNotHaveDuplicates();
        for (JsonNode panel : panels) {
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(panel.path("title").asText())
                    .isLessThanOrEqualTo(24);
            if (!panel.path("type").asText().equals("row")) {
                // Every query goes to the Prometheus the person picks in the datasource variable.
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                assertThat(panel.path("targets").findValuesAsText("refId")).doesNotHaveDuplicates();
            }
        }
    }

    // --- the bundle ---

    private static Manifest load(String file) {
        return Manifest.load(ReferenceRepository.read(ReferenceRepository.path(file)), file);
    }

    private static Manifest only(String kind) {
        List<Manifest> found = ReferenceRepository.objectsUnder(BUNDLE).stream().filter(o -> kind.equals(o.kind())).toList();
        assertThat(found).as(kind + " in " + BUNDLE).hasSize(1);
        return found.get(0);
    }

    private static List<Manifest> ruleGroupManifests() {
        return only("PrometheusRule").list("spec", "groups");
    }

    private static List<Object> ruleGroups() {
        return ruleGroupManifests().stream().map(group -> (Object) group.root()).toList();
    }

    private static List<Manifest> alerts() {
        return ruleGroupManifests().stream().flatMap(group -> group.list("rules").stream()).toList();
    }

    private static List<String> ruleExpressions() {
        return alerts().stream().map(alert -> alert.string("expr")).toList();
    }

    /** spec.groups as a Prometheus rules file, {@code groups:} at the top, as promtool reads it. */
    private static Path writeRules(Path directory, List<Object> groups) throws IOException {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return Files.writeString(directory.resolve("rules.yaml"), new Yaml(options).dump(Map.of("groups", groups)));
    }

    private static JsonNode dashboard() throws IOException {
        return JSON.readTree(only("ConfigMap").string("data", "burst-gitops.json"));
    }

    /** Panels, and the panels inside collapsed rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = dashboard();
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            expressions.addAll(panel.path("targets").findValuesAsText("expr"));
        }
        dashboard.path("annotations").path("list").forEach(a -> {
            if (a.has("expr")) {
                expressions.add(a.path("expr").asText());
            }
        });
        assertThat(expressions).as("dashboard queries").hasSizeGreaterThan(10);
        return expressions;
    }

    /** The dashboard's variables as metric → label, from {@code label_values(metric, label)}. */
    private static Map<String, String> dashboardLabelValues() throws IOException {
        Pattern labelValues = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*([a-zA-Z_]\\w*)\\s*\\)");
        Map<String, String> variables = new HashMap<>();
        for (JsonNode variable : dashboard().path("templating").path("list")) {
            Matcher m = labelValues.matcher(variable.path("definition").asText());
            if (m.matches()) {
                variables.put(m.group(1), m.group(2));
            }
        }
        assertThat(variables).as("label_values variables").isNotEmpty();
        return variables;
    }

    // --- PromQL, read just enough ---

    /**
     * The metric names in an expression: identifiers left once strings, label matchers, ranges,
     * grouping clauses, Grafana variables, function calls and keywords are taken out.
     */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Matcher m = Pattern.compile("(?<![\\w$.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
        Set<String> names = new LinkedHashSet<>();
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_KEYWORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** {@code metric{a="x",b=~"y"}} → metric → {a, b}. */
    private static Map<String, Set<String>> selectorLabels(String expression) {
        Matcher selector = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}").matcher(expression);
        Map<String, Set<String>> labels = new HashMap<>();
        while (selector.find()) {
            Matcher matcher = Pattern.compile("([a-zA-Z_]\\w*)\\s*(=~|!~|!=|=)").matcher(
                    selector.group(2).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
            while (matcher.find()) {
                labels.computeIfAbsent(selector.group(1), k -> new HashSet<>()).add(matcher.group(1));
            }
        }
        return labels;
    }

    /** Labels in {@code by (...)}, {@code without (...)}, {@code on (...)} and the like. */
    private static Set<String> groupingLabels(String expression) {
        Matcher clause = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)")
                .matcher(expression);
        Set<String> labels = new HashSet<>();
        while (clause.find()) {
            for (String label : clause.group(2).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
        }
        return labels;
    }

    // --- the controller's /metrics ---

    /**
     * Every series name the controller serves, with its label names, read from a real HTTP
     * scrape of /metrics after one of everything was recorded (a labelled metric shows no series
     * until it has a value), with what {@code run} registers beside ControllerMetrics.
     */
    private Map<String, Set<String>> scrapeTheRunningEndpoint() throws Exception {
        ControllerMetrics metrics = new ControllerMetrics();
        recordOneOfEverything(metrics);
        RunMetrics.registerRunsOwn(metrics.registry(), Files.writeString(dir.resolve("burst-gitops.yaml"), "git: {}\n"));
        String body;
        try (ControllerHttpServer server = ControllerHttpServer.start(ServerSettings.of("127.0.0.1", 0, Optional.empty()),
                new ServerInputs(metrics, new LoopHealth(Clock.systemUTC()), new Readiness(), Map::of,
                        (event, delivery) -> { }))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
        }
        Pattern sample = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? \\S+$");
        Pattern label = Pattern.compile("([a-zA-Z_]\\w*)=\"(?:[^\"\\\\]|\\\\.)*\"");
        Map<String, Set<String>> served = new HashMap<>();
        for (String line : body.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            Matcher m = sample.matcher(line);
            assertThat(m.matches()).as("sample line %s", line).isTrue();
            Set<String> labels = served.computeIfAbsent(m.group(1), k -> new HashSet<>());
            if (m.group(2) != null) {
                Matcher l = label.matcher(m.group(2));
                while (l.find()) {
                    labels.add(l.group(1));
                }
            }
        }
        return served;
    }

    private static void recordOneOfEverything(ControllerMetrics metrics) {
        metrics.declarePolicy("worker");
        metrics.declareCluster("primary");
        metrics.declareFetchLoop("sync");
        metrics.buildInfo("0.1.0", "3f2a1c9");
        metrics.leading(true);
        metrics.bandThresholds("worker", 15, 10);
        metrics.spilloverCapacity("frontend", 100);
        metrics.observed("worker", 17.5);
        metrics.mode("worker", Mode.BURST);
        metrics.decided("worker", Mode.NATURAL, Mode.BURST);
        metrics.committed("worker");
        metrics.pushRetried("worker");
        metrics.pushFailed("worker");
        metrics.queryFailed("worker");
        metrics.fetchFailed("burst");
        metrics.burstReady("worker", true);
        metrics.fellBack("worker");
        metrics.share("frontend", 40);
        metrics.syncPassTook("primary", Duration.ofMillis(140));
        metrics.syncObjects("primary", SyncAction.APPLIED, 1);
        metrics.driftCorrected("primary", 1);
        metrics.syncSucceeded("primary", Instant.parse("2026-01-10T08:00:00Z"));
        metrics.syncFailed("primary", ControllerMetrics.SyncFailure.UNREACHABLE);
        metrics.clusterReachable("primary", false);
    }

    // --- promtool ---

    record Promtool(int exitCode, String output) {
    }

    /** The real promtool (Debian's prometheus package, which bin/install-peers installs), in {@code workDir}. */
    private static Promtool promtool(Path workDir, String... arguments) {
        List<String> command = new ArrayList<>(List.of(PROMTOOL));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool " + String.join(" ", arguments) + " did not finish in 60 s");
            }
            return new Promtool(process.exitValue(), output.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + PROMTOOL + " (apt-get install prometheus): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running promtool", e);
        }
    }
}

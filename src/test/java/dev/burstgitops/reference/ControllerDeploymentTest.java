package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The controller's own manifests in apps/burst-gitops, as clusters/primary renders them, agree
 * with each other and with its configuration: it runs at its PriorityClass, listens where the
 * config says, exposes the webhook alone through a Service of its own, and its NetworkPolicies
 * admit the webhook and the scrape and let it reach DNS, Prometheus, the API servers and Git.
 */
class ControllerDeploymentTest {

    private final List<Manifest> primary = Kustomize.render(ReferenceRepository.path("clusters/primary"));
    private final Manifest deployment = find("Deployment burst-gitops/burst-gitops");
    private final Manifest container = deployment.list("spec", "template", "spec", "containers").get(0);
    private final Manifest config = controllerConfig();

    @Test
    void runsAtItsOwnPriorityClassAboveUnclassedWorkloadsAndBelowTheSystemClasses() {
        Manifest priorityClass = find("PriorityClass burst-gitops");

        assertThat(deployment.string("spec", "template", "spec", "priorityClassName")).isEqualTo(priorityClass.name());
        // Above 0 (a pod without a class) so that it preempts them; user classes may not exceed 1e9.
        assertThat((Integer) priorityClass.get("value")).isGreaterThan(0).isLessThanOrEqualTo(1_000_000_000);
        // Unset: a class that is the global default would reorder every workload without one.
        assertThat(priorityClass.get("globalDefault")).isIn(null, false);
        assertThat(priorityClass.string("preemptionPolicy")).isEqualTo("PreemptLowerPriority");
    }

    @Test
    void theContainerPortsAreTheConfiguredServerPortsAndTheProbesUseTheProbePort() {
        Map<String, Integer> ports = containerPorts();

        assertThat(ports).containsExactlyInAnyOrderEntriesOf(Map.of(
                "http", (Integer) config.get("server", "port"), "webhook", (Integer) config.get("server", "webhookPort")));
        assertThat(config.string("server", "address")).isEqualTo("0.0.0.0");
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(container.string(probe, "httpGet", "port")).as(probe).isEqualTo("http");
        }
        assertThat(deployment.string("spec", "template", "metadata", "annotations", "prometheus.io/port"))
                .isEqualTo(String.valueOf(ports.get("http")));
    }

    @Test
    void theWebhookServiceExposesTheWebhookPortAloneAndTheOtherServiceNotTheWebhook() {
        List<Manifest> webhookPorts = find("Service burst-gitops/burst-gitops-webhook").list("spec", "ports");
        List<Manifest> httpPorts = find("Service burst-gitops/burst-gitops").list("spec", "ports");

        assertThat(webhookPorts).extracting(p -> p.string("targetPort")).containsExactly("webhook");
        assertThat(httpPorts).extracting(p -> p.string("targetPort")).containsExactly("http");
        for (String service : List.of("Service burst-gitops/burst-gitops-webhook", "Service burst-gitops/burst-gitops")) {
            assertThat(find(service).map("spec", "selector")).as(service)
                    .isEqualTo(deployment.map("spec", "selector", "matchLabels"));
        }
    }

    @Test
    void theImagesEntrypointIsNotReplacedSoItsJvmOptionsApply() {
        // The image's ENTRYPOINT carries -XX:+ExitOnOutOfMemoryError (OutOfMemoryFaultTest); a
        // `command` here would start the JVM without it.
        assertThat(container.get("command")).isNull();
        assertThat(container.get("args")).isEqualTo(List.of("run", "--config", "/etc/burst-gitops/config/burst-gitops.yaml",
                "--last-good-config", "/tmp/burst-gitops-last-good.yaml"));
    }

    @Test
    void bothNetworkPoliciesSelectTheControllersPods() {
        Map<String, Object> podLabels = deployment.map("spec", "template", "metadata", "labels");
        for (Manifest policy : networkPolicies()) {
            assertThat(podLabels).as("pods selected by %s", policy.key())
                    .containsAllEntriesOf(policy.map("spec", "podSelector", "matchLabels"));
        }
        List<Object> types = networkPolicies().stream()
                .flatMap(p -> ((List<?>) p.get("spec", "policyTypes")).stream()).map(Object.class::cast).toList();
        assertThat(types).containsExactlyInAnyOrder("Ingress", "Egress");
    }

    @Test
    void ingressAdmitsTheWebhookFromAnywhereAndTheProbePortOnlyFromPrometheusNamespace() {
        List<Manifest> rules = policy("Ingress").list("spec", "ingress");
        String prometheusNamespace = namespaceOf(URI.create(config.string("prometheus", "url")));

        Manifest webhook = ruleFor(rules, "webhook");
        assertThat(webhook.get("from")).as("the webhook is open to the ingress, wherever it runs").isNull();
        Manifest http = ruleFor(rules, "http");
        assertThat(http.list("from")).extracting(from -> from.string("namespaceSelector", "matchLabels",
                "kubernetes.io/metadata.name")).containsExactly(prometheusNamespace);
        // Every port a rule names is one the container listens on: a typo would silently drop traffic.
        assertThat(rules).flatExtracting(r -> r.list("ports")).extracting(p -> p.string("port"))
                .allMatch(containerPorts()::containsKey);
    }

    @Test
    void egressReachesDnsPrometheusAndTheApiServersAndGitOnTheirPorts() {
        List<Manifest> rules = policy("Egress").list("spec", "egress");
        URI prometheus = URI.create(config.string("prometheus", "url"));
        URI git = URI.create(config.string("git", "url"));

        assertThat(tcpOrUdpPorts(rules, "UDP")).contains(53);
        assertThat(tcpOrUdpPorts(rules, "TCP")).contains(53, prometheus.getPort(), defaultPort(git), 443, 6443);
        Manifest toPrometheus = rules.stream().filter(r -> ports(r, "TCP").contains(prometheus.getPort()))
                .findFirst().orElseThrow();
        assertThat(toPrometheus.list("to")).extracting(to -> to.string("namespaceSelector", "matchLabels",
                "kubernetes.io/metadata.name")).containsExactly(namespaceOf(prometheus));
    }

    private Map<String, Integer> containerPorts() {
        return container.list("ports").stream()
                .collect(Collectors.toMap(p -> p.string("name"), p -> (Integer) p.get("containerPort")));
    }

    private List<Manifest> networkPolicies() {
        return primary.stream().filter(o -> o.kind().equals("NetworkPolicy")).toList();
    }

    private Manifest policy(String type) {
        List<Manifest> found = networkPolicies().stream()
                .filter(p -> ((List<?>) p.get("spec", "policyTypes")).contains(type)).toList();
        assertThat(found).as("NetworkPolicies of type %s", type).hasSize(1);
        return found.get(0);
    }

    private static Manifest ruleFor(List<Manifest> rules, String port) {
        List<Manifest> found = rules.stream()
                .filter(r -> r.list("ports").stream().anyMatch(p -> port.equals(p.string("port")))).toList();
        assertThat(found).as("ingress rules for port %s", port).hasSize(1);
        return found.get(0);
    }

    private static Set<Integer> tcpOrUdpPorts(List<Manifest> rules, String protocol) {
        return rules.stream().flatMap(r -> ports(r, protocol).stream()).collect(Collectors.toSet());
    }

    private static Set<Integer> ports(Manifest rule, String protocol) {
        return rule.list("ports").stream().filter(p -> protocol.equals(p.string("protocol")))
                .map(p -> (Integer) p.get("port")).collect(Collectors.toSet());
    }

    /** {@code prometheus.istio-system.svc.cluster.local} is in namespace {@code istio-system}. */
    private static String namespaceOf(URI serviceUrl) {
        String[] labels = serviceUrl.getHost().split("\\.");
        assertThat(labels.length).as("a Service host name: %s", serviceUrl).isGreaterThan(2);
        assertThat(labels[2]).isEqualTo("svc");
        return labels[1];
    }

    private static int defaultPort(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return switch (url.getScheme()) {
            case "https" -> 443;
            case "ssh" -> 22;
            default -> 80;
        };
    }

    private Manifest find(String key) {
        return ClusterDirectoriesRenderTest.find(primary, key);
    }

    private Manifest controllerConfig() {
        Manifest configMap = find("ConfigMap burst-gitops/burst-gitops-config");
        return Manifest.load(configMap.string("data", "burst-gitops.yaml"), "burst-gitops-config/burst-gitops.yaml");
    }
}

package dev.burstgitops.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.manifest.ManifestLoader;
import dev.burstgitops.manifest.ManifestObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights and subsets of VirtualServices, with hosts matched the way Istio matches them. */
class VirtualServiceCheckTest {

    private static final String FILE = "apps/istio/routing.yaml";

    @TempDir
    Path root;

    @Test
    void aShortHostAndItsFullNameInTheSameNamespaceAreOneHost() throws IOException {
        assertThat(check(virtualService("default", "worker-service.default.svc.cluster.local", "primary", 100),
                destinationRule("default", "worker-service", "primary"))).isEmpty();
        assertThat(check(virtualService("default", "worker-service", "primary", 100),
                destinationRule("default", "worker-service.default.svc.cluster.local", "primary"))).isEmpty();
    }

    @Test
    void aShortHostInAnotherNamespaceIsAnotherService() throws IOException {
        assertThat(check(virtualService("default", "worker-service", "primary", 100),
                destinationRule("shop", "worker-service", "primary"))).containsExactly(
                "apps/istio/routing.yaml:13: VirtualService worker-virtual-service: subset 'primary' of host"
                        + " worker-service is not defined by any DestinationRule");
    }

    @Test
    void aNamespaceQualifiedShortNameIsTakenAsWrittenAsIstioDoes() throws IOException {
        assertThat(check(virtualService("default", "worker-service.default", "primary", 100),
                destinationRule("default", "worker-service", "primary"))).hasSize(1);
    }

    @Test
    void aWildcardDestinationRuleCoversTheHostsBelowIt() throws IOException {
        assertThat(check(virtualService("default", "worker-service", "primary", 100),
                destinationRule("istio-system", "*.default.svc.cluster.local", "primary"))).isEmpty();
    }

    @Test
    void aRouteWithoutAnyWeightNeedsNone() throws IOException {
        String unweighted = virtualService("default", "worker-service", "primary", 100).replace("      weight: 100\n", "");

        assertThat(check(unweighted, destinationRule("default", "worker-service", "primary"))).isEmpty();
    }

    @Test
    void aMissingWeightBesideAWrittenOneCountsAsZeroAndIsNamedSo() throws IOException {
        String twoDestinations = virtualService("default", "worker-service", "primary", 90)
                + "    - destination:\n        host: worker-service\n        subset: burst\n";

        assertThat(check(twoDestinations, destinationRule("default", "worker-service", "primary", "burst")))
                .containsExactly("apps/istio/routing.yaml:10: VirtualService worker-virtual-service: route 0 weights"
                        + " add up to 90 (primary 90 + burst (no weight)), not 100");
    }

    @Test
    void aWeightThatIsNoNumberIsReportedAtTheWeight() throws IOException {
        String text = virtualService("default", "worker-service", "primary", 100).replace("weight: 100", "weight: all");

        assertThat(check(text, destinationRule("default", "worker-service", "primary"))).containsExactly(
                "apps/istio/routing.yaml:14: VirtualService worker-virtual-service: route 0 weight 'all' of primary"
                        + " is not a whole number");
    }

    @Test
    void tcpRoutesAreCheckedAndNamedByProtocol() throws IOException {
        String tcp = virtualService("default", "worker-service", "primary", 50).replace("  http:", "  tcp:");

        assertThat(check(tcp, destinationRule("default", "worker-service", "primary"))).containsExactly(
                "apps/istio/routing.yaml:10: VirtualService worker-virtual-service: tcp route 0 weights add up to 50"
                        + " (primary 50), not 100");
    }

    private List<String> check(String... documents) throws IOException {
        Files.createDirectories(root.resolve(FILE).getParent());
        Files.writeString(root.resolve(FILE), String.join("---\n", documents));
        List<ManifestObject> objects = new ManifestLoader().load(root, FILE).objects();
        return new VirtualServiceCheck(new DocumentLines(root.toRealPath())).run(objects).stream()
                .map(ValidationProblem::toString).toList();
    }

    private static String virtualService(String namespace, String host, String subset, int weight) {
        return """
                apiVersion: networking.istio.io/v1beta1
                kind: VirtualService
                metadata:
                  name: worker-virtual-service
                  namespace: %s
                spec:
                  hosts:
                    - worker-service
                  http:
                  - route:
                    - destination:
                        host: %s
                        subset: %s
                      weight: %d
                """.formatted(namespace, host, subset, weight);
    }

    private static String destinationRule(String namespace, String host, String... subsets) {
        StringBuilder text = new StringBuilder("""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: worker-destination-rule
                  namespace: %s
                spec:
                  host: "%s"
                  subsets:
                """.formatted(namespace, host));
        for (String subset : subsets) {
            text.append("    - name: ").append(subset).append('\n');
        }
        return text.toString();
    }
}

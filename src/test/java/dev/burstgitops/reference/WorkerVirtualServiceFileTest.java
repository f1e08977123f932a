package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** apps/istio/worker-virtualservice.yaml, the file the controller rewrites, starts natural and keeps its shape. */
class WorkerVirtualServiceFileTest {
    private static final String FILE = "apps/istio/worker-virtualservice.yaml";
    private static final String WORKER_HOST = "worker-service.default.svc.cluster.local";

    private final List<Manifest> documents =
            Manifest.loadAll(ReferenceRepository.read(ReferenceRepository.path(FILE)), FILE);

    @Test
    void holdsExactlyTheWorkerVirtualServiceAndThenItsDestinationRule() {
        assertThat(documents).extracting(Manifest::key).containsExactly(
                "VirtualService default/worker-virtual-service",
                "DestinationRule default/worker-destination-rule");
        assertThat(documents).extracting(d -> d.string("apiVersion")).containsOnly("networking.istio.io/v1");
    }

    @Test
    void routesAllWorkerTrafficToThePrimarySubsetInOneHttpRoute() {
        Manifest virtualService = documents.get(0);

        assertThat(virtualService.get("spec", "hosts")).isEqualTo(List.of("worker-service"));
        assertThat(virtualService.get("spec", "gateways")).isEqualTo(List.of("mesh"));
        List<Manifest> http = virtualService.list("spec", "http");
        assertThat(http).hasSize(1);
        List<Manifest> route = http.get(0).list("route");
        assertThat(route).extracting(r -> r.string("destination", "subset"), r -> r.get("weight"))
                .containsExactly(
                        tuple("primary", 100),
                        tuple("burst", 0));
        assertThat(route).extracting(r -> r.string("destination", "host")).containsOnly(WORKER_HOST);
        assertThat(route).extracting(r -> r.get("destination", "port", "number")).containsOnly(80);
    }

    @Test
    void writesBothWeightKeysOutSoTheControllerCanEditThemInPlace() {
        String text = ReferenceRepository.read(ReferenceRepository.path(FILE));

        assertThat(text.lines().map(String::strip).filter(l -> l.startsWith("weight:")))
                .containsExactly("weight: 100", "weight: 0");
        assertThat(text.lines().filter(l -> l.equals("---"))).hasSize(1);
    }

    @Test
    void definesThePrimaryAndBurstSubsetsByClusterTypeWithRandomBalancing() {
        Manifest rule = documents.get(1);

        assertThat(rule.string("spec", "host")).isEqualTo("worker-service");
        assertThat(rule.string("spec", "trafficPolicy", "loadBalancer", "simple")).isEqualTo("RANDOM");
        assertThat(rule.list("spec", "subsets")).extracting(s -> s.string("name"), s -> s.map("labels"))
                .containsExactly(
                        tuple("primary", Map.of("cluster-type", "primary-cluster")),
                        tuple("burst", Map.of("cluster-type", "burst-cluster")));
    }
}

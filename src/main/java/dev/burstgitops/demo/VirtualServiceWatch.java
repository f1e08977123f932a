package dev.burstgitops.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the worker VirtualService's weights from the primary API server every 250 ms, the way
 * the mesh would pick them up. The traffic generator routes by what this reads, so the share
 * the burst worker serves is what the controller actually applied, not what it meant to.
 */
public final class VirtualServiceWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualServiceWatch.class);
    private static final long PERIOD_MILLIS = 250;

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final Clock clock;
    private final List<BiConsumer<RouteWeights, Instant>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-virtualservice-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Optional<RouteWeights> current = Optional.empty();

    public VirtualServiceWatch(KubernetesClient client, String namespace, String name, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.clock = clock;
    }

    /** Told each time the weights read differ from the last read, with the time they were read. */
    public void onChange(BiConsumer<RouteWeights, Instant> listener) {
        listeners.add(listener);
    }

    public void start() {
        poller.scheduleWithFixedDelay(this::read, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The weights last read; empty until the sync loop has created the VirtualService. */
    public Optional<RouteWeights> current() {
        return current;
    }

    private void read() {
        try {
            GenericKubernetesResource resource = client.genericKubernetesResources("networking.istio.io/v1",
                    "VirtualService").inNamespace(namespace).withName(name).get();
            Optional<RouteWeights> seen = resource == null ? Optional.empty() : weightsOf(resource);
            Instant at = clock.instant();
            if (seen.isPresent() && !seen.equals(current)) {
                current = seen;
                listeners.forEach(listener -> listener.accept(seen.get(), at));
            }
        } catch (RuntimeException e) {
            LOG.debug("reading VirtualService {}/{}: {}", namespace, name, e.toString());
        }
    }

    /** The weights of the first HTTP route's {@code primary} and {@code burst} subsets. */
    @SuppressWarnings("unchecked")
    static Optional<RouteWeights> weightsOf(GenericKubernetesResource resource) {
        Object spec = resource.getAdditionalProperties().get("spec");
        if (!(spec instanceof Map<?, ?> specMap) || !(specMap.get("http") instanceof List<?> http) || http.isEmpty()
                || !(http.get(0) instanceof Map<?, ?> route) || !(route.get("route") instanceof List<?> destinations)) {
            return Optional.empty();
        }
        int primary = 0;
        int burst = 0;
        for (Object entry : destinations) {
            Map<String, Object> destination = (Map<String, Object>) entry;
            Object subset = destination.get("destination") instanceof Map<?, ?> d ? d.get("subset") : null;
            int weight = destination.get("weight") instanceof Number n ? n.intValue() : 0;
            if ("primary".equals(subset)) {
                primary = weight;
            } else if ("burst".equals(subset)) {
                burst = weight;
            }
        }
        return Optional.of(new RouteWeights(primary, burst));
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

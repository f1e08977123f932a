package dev.burstgitops.sync;

import dev.burstgitops.manifest.ManifestObject;
import dev.burstgitops.sync.ObjectReconciler.Reconciled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * Reconciles the objects of one apply step several at a time. A pass over 1,000 objects is
 * dominated by round trips to the API server, one after another; a few in flight at once bring it
 * well under kubectl's sequential apply. Bounded, so one cluster's pass never floods its API
 * server (whose priority-and-fairness would queue us anyway). Results keep the input order; a
 * failure that ends the pass (cluster unreachable, fenced) is rethrown after every object of the
 * step has finished, so nothing runs on after the pass has returned.
 */
final class ParallelApply implements AutoCloseable {

    /** Objects in flight at once per cluster. */
    static final int CONCURRENCY = 8;

    private final ExecutorService pool;

    ParallelApply(String cluster) {
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(CONCURRENCY, runnable -> {
            Thread thread = new Thread(runnable, "apply-" + cluster + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    List<Reconciled> reconcile(List<ManifestObject> objects, Function<ManifestObject, Reconciled> reconcile) {
        if (objects.size() == 1) {
            return List.of(reconcile.apply(objects.get(0)));
        }
        Map<String, String> context = MDC.getCopyOfContextMap();
        List<CompletableFuture<Reconciled>> running = new ArrayList<>(objects.size());
        for (ManifestObject object : objects) {
            running.add(CompletableFuture.supplyAsync(() -> withContext(context, () -> reconcile.apply(object)), pool));
        }
        List<Reconciled> results = new ArrayList<>(objects.size());
        RuntimeException first = null;
        for (CompletableFuture<Reconciled> future : running) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    private static <T> T withContext(Map<String, String> context, java.util.function.Supplier<T> work) {
        if (context != null) {
            MDC.setContextMap(context);
        }
        try {
            return work.get();
        } finally {
            MDC.clear();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

package dev.burstgitops.cli;

import dev.burstgitops.config.BurstGitopsConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code run}'s config file every interval. A Kubernetes ConfigMap mounted as a directory
 * is updated in place by the kubelet (a symlink swap), so polling the content is what notices it;
 * file-system events would miss the swap. Only a valid new version is handed on.
 */
final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    private final ConfigState state;
    private final Duration interval;
    private final Consumer<BurstGitopsConfig> onValidChange;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "config-watch");
        thread.setDaemon(true);
        return thread;
    });
    private boolean unreadable;

    ConfigWatcher(ConfigState state, Duration interval, Consumer<BurstGitopsConfig> onValidChange) {
        this.state = state;
        this.interval = interval;
        this.onValidChange = onValidChange;
    }

    void start() {
        poller.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            state.recheck().ifPresent(onValidChange);
            unreadable = false;
        } catch (IOException e) {
            // A file briefly missing during the kubelet's swap is not a new config; said once.
            if (!unreadable) {
                unreadable = true;
                LOG.warn("cannot read the config file to check it for changes: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("checking the config file for changes failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}

package dev.burstgitops.status;

import java.util.List;

/** The answer of {@code /readyz}: ready when nothing is pending. */
public record ReadinessReport(List<String> pending, List<String> done) {

    public ReadinessReport {
        pending = List.copyOf(pending);
        done = List.copyOf(done);
    }

    public boolean ready() {
        return pending.isEmpty();
    }
}

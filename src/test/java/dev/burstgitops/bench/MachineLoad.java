package dev.burstgitops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The machine's load average, printed next to every figure, and a wait for a quiet machine
 * before a benchmark starts: {@code -Dbench.quietLoad=1.5} (the 1-minute load average to wait
 * for, default 1.5) and {@code -Dbench.quietWait=20} (minutes to wait at most, default 20;
 * 0 does not wait). A benchmark that never got a quiet machine still runs, and says so.
 */
final class MachineLoad {

    private MachineLoad() {
    }

    /** {@code /proc/loadavg}'s 1-, 5- and 15-minute averages, as text: {@code 0.42 0.61 0.70}. */
    static String averages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double oneMinute() {
        return Double.parseDouble(averages().split(" ")[0]);
    }

    /** Waits, polling every 30 s, until the 1-minute load average is below the threshold or time is up. */
    static void awaitQuiet() throws InterruptedException {
        double threshold = Double.parseDouble(System.getProperty("bench.quietLoad", "1.5"));
        Duration limit = Duration.ofMinutes(Long.parseLong(System.getProperty("bench.quietWait", "20")));
        long deadline = System.nanoTime() + limit.toNanos();
        while (oneMinute() >= threshold && System.nanoTime() < deadline) {
            System.out.printf("  waiting for a quiet machine: load average %s (1-minute below %.1f wanted)%n",
                    averages(), threshold);
            Thread.sleep(Math.min(30_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        System.out.printf("  load average at start: %s%s%n", averages(),
                oneMinute() < threshold ? "" : " (never below " + threshold + " within " + limit.toMinutes() + " min)");
    }
}

package dev.burstgitops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CPU seconds from {@code /proc/<pid>/stat}: a process's own (user + system), and those of its
 * children it has waited for (a finished kubectl or {@code sync --once}); and the wait until this
 * JVM's own peers (etcd, API servers, the spare one {@code TestPeers} starts ahead) are idle.
 */
final class CpuTimes {

    /** USER_HZ: the unit of the times in {@code /proc/<pid>/stat} on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTimes() {
    }

    /** User + system CPU seconds of {@code pid} itself, or 0 when it has gone. */
    static double own(long pid) {
        return fields(pid).map(f -> (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND).orElse(0.0);
    }

    /** User + system CPU seconds of the children {@code pid} has waited for. */
    static double reapedChildren(long pid) {
        return fields(pid).map(f -> (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND).orElse(0.0);
    }

    static long self() {
        return ProcessHandle.current().pid();
    }

    /** The running kube-apiserver among this JVM's descendants that listens on {@code port}. */
    static long apiServer(int port) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("--secure-port=" + port + " "))
                .findFirst().orElseThrow(() -> new IllegalStateException("no kube-apiserver on port " + port)).pid();
    }

    /** This JVM's etcd (the one every test API server stores in). */
    static long etcd() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/etcd"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no etcd")).pid();
    }

    /**
     * Waits (at most a minute) until this JVM's descendants used less than 0.1 CPU second in each of
     * two consecutive seconds: a server started ahead in the background has finished starting.
     */
    static void awaitPeersIdle() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        int quietSeconds = 0;
        double before = descendants();
        while (quietSeconds < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            double now = descendants();
            quietSeconds = now - before < 0.1 ? quietSeconds + 1 : 0;
            before = now;
        }
    }

    private static double descendants() {
        List<ProcessHandle> all = ProcessHandle.current().descendants().toList();
        return all.stream().mapToDouble(p -> own(p.pid())).sum();
    }

    /** The fields after the command name (which may hold spaces): index 0 is the state, 11 utime. */
    private static Optional<String[]> fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }
}

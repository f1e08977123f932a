package dev.burstgitops.gitops;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An overall deadline for a working copy's talks with its remote (fetch, clone, push). JGit's
 * transport timeout is per read: a remote that sends one byte every few seconds keeps a fetch
 * going for ever, and the loop that waits on it with it, while {@code /status} shows nothing and
 * {@code /healthz} finally fails. Each call runs on this working copy's own thread and is given up
 * at the deadline as a failed attempt (counted, shown, backed off like any fetch failure). JGit's
 * blocking reads cannot be cut from outside, so a given-up call runs on until its connection
 * ends; until then the next call fails at once instead of starting a second one on the same
 * repository.
 */
final class GitDeadline implements AutoCloseable {

    /** {@code git.timeout}'s default. */
    static final Duration DEFAULT = Duration.ofSeconds(60);

    private final Duration timeout;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "git-remote");
        worker.setDaemon(true);
        return worker;
    });
    /** Whether a call is still on the thread: a cancelled future is "done" while its call runs on. */
    private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
    private Future<?> running;
    private String runningAction = "";

    GitDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs {@code call} ({@code action} names it: "fetch from https://…") within the deadline. */
    synchronized <T> T run(String action, Callable<T> call) throws GitException {
        if (busy.get() || running != null && !running.isDone()) {
            throw new GitException(action + " not started: the " + runningAction + " given up after "
                    + seconds() + " (git.timeout) has still not ended");
        }
        runningAction = action;
        Future<T> future = thread.submit(() -> {
            busy.set(true);
            try {
                return call.call();
            } finally {
                busy.set(false);
            }
        });
        running = future;
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);  // an interrupt ends the call where JGit looks at it; the reads it cannot end
            throw new GitException(action + " did not finish within " + seconds() + " (git.timeout): the remote"
                    + " answers too slowly; given up", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GitException git) {
                throw git;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new GitException(action + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException(action + " interrupted", e);
        }
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

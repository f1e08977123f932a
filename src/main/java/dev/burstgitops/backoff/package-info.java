/**
 * One backoff policy for everything the controller retries: the burst loop after a failed pass,
 * a rejected Git push, a forge call, and the sync of a failing cluster.
 * {@link dev.burstgitops.backoff.Backoff} says how long to wait (base, maximum, jitter);
 * {@link dev.burstgitops.backoff.Sleeper} waits, {@link dev.burstgitops.backoff.RetryTimer}
 * remembers when a loop may try again on its clock, so tests never sleep. Nothing but the JDK.
 */
package dev.burstgitops.backoff;

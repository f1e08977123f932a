/**
 * One policy's decision over time, beyond a single poll: {@link dev.burstgitops.policy.PolicyDecider}
 * carries the band or spillover decider with the streak it keeps from poll to poll;
 * {@link dev.burstgitops.policy.StreakRestore} gives that streak back after a restart or a leader
 * handover from Prometheus' history; {@link dev.burstgitops.policy.Simulation} replays a past range
 * through the same decision code for {@code simulate}; {@link dev.burstgitops.policy.BurstReadinessProbe}
 * reads the burst side for the readiness gate. The rules themselves are {@code decision}'s
 * and pure; this package feeds them and holds their state.
 */
package dev.burstgitops.policy;

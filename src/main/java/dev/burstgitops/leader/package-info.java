/**
 * Leader election: which replica runs the loops. {@link dev.burstgitops.leader.Leadership} reads
 * {@code leaderElection} and finds the cluster of the Lease; {@link dev.burstgitops.leader.LeaderGate}
 * opens while this replica holds it (or always, without election) and
 * {@link dev.burstgitops.leader.LeaderElection} campaigns for it with fabric8's elector. Nothing
 * here knows what the loops do: {@code controller} hands the gate its start and stop.
 */
package dev.burstgitops.leader;

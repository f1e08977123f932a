/**
 * The sync loop's work on one cluster: server-side apply, drift judged by the API server, safe
 * prune, apply order, health and the inventory. {@link dev.burstgitops.sync.WriteRule} decides
 * when an object is written, {@link dev.burstgitops.sync.FieldOwnership} whose fields Git takes
 * back, {@link dev.burstgitops.sync.PruneStep} what may be deleted; docs/sync.md is the contract.
 * May use {@code manifest} and fabric8; knows nothing of Git, policies or the loops.
 */
package dev.burstgitops.sync;

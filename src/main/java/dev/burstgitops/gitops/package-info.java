/**
 * Git as the change record. {@link dev.burstgitops.gitops.GitWorkspace} (adapter
 * {@link dev.burstgitops.gitops.JGitWorkspace}) keeps a working copy of one branch, refreshed to
 * the remote before every decision; {@link dev.burstgitops.gitops.ChangePublisher} writes a change
 * as one commit and pushes it without force, starting over on a rejection;
 * {@link dev.burstgitops.gitops.CommitHistory} reads commits back by their trailers;
 * {@link dev.burstgitops.gitops.RevisionTrees} exports a fetched revision into a directory of its
 * own, for readers on other threads while the working copy moves on.
 * Nothing here knows what a decision means.
 */
package dev.burstgitops.gitops;

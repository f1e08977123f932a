/**
 * The forges a pull request goes through (GitHub, GitLab, Gitea) behind one port, over their
 * documented HTTP APIs, with retries on the shared backoff; tokens are read at each request and
 * never appear in an error.
 */
package dev.burstgitops.gitops.forge;

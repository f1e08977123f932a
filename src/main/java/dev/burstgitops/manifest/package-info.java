/**
 * Repository content as objects: multi-document YAML with file and line, the rendering of a
 * cluster directory (the kustomize subset, or kubectl kustomize), limits on content, and in-place
 * edits of VirtualService weights that keep comments and key order. May use {@code config}.
 */
package dev.burstgitops.manifest;

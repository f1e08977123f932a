/**
 * What ships inside the jar: build information, the repository template {@code init} writes, and
 * bundled files read as resources. Uses nothing of the project.
 */
package dev.burstgitops.bundled;

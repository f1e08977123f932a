/**
 * The picocli commands ({@code run}, {@code decide}, {@code sync}, {@code validate},
 * {@code override}, {@code history}, {@code init}, {@code demo}, ...) and their exit codes. The
 * outermost layer: may use every other package, and nothing uses it.
 */
package dev.burstgitops.cli;

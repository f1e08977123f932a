/**
 * {@code burst-gitops.yaml} read into immutable records, one section reader per section; every
 * problem names its file, line and key path, and unknown keys are errors. May use {@code decision}
 * (for its value types) and SnakeYAML; does no I/O beyond reading the file and, when asked, secrets.
 */
package dev.burstgitops.config;

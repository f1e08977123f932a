/**
 * Override files ({@code overrides/<policy>.yaml}): the model, reading, writing and the lookup of
 * the one in force for a policy. May use {@code decision} and {@code manifest}.
 */
package dev.burstgitops.override;

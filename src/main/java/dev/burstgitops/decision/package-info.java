/**
 * The burst decision: hysteresis, sustain windows, cooldown, missing data, override precedence.
 * Pure: it is given the time and the observation, and uses nothing but the JDK.
 */
package dev.burstgitops.decision;

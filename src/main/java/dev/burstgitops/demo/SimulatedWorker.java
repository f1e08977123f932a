package dev.burstgitops.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The reference worker in miniature: it hashes its input, and the burst cluster's copy prefixes
 * the result with {@code bursty-} (its {@code PREFIX} environment variable), which is how a
 * person watching the frontend can tell where a request was served.
 */
record SimulatedWorker(String cluster, String prefix) {

    static final SimulatedWorker PRIMARY = new SimulatedWorker("primary", "");
    static final SimulatedWorker BURST = new SimulatedWorker("burst", "bursty-");

    String process(String input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

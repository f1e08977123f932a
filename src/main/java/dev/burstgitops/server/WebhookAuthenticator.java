package dev.burstgitops.server;

import com.sun.net.httpserver.Headers;
import dev.burstgitops.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery against the shared secret, the ways forges sign them: GitHub (and Gitea)
 * send {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}, Gitea and Forgejo
 * {@code X-Gitea-Signature: <the same hex, bare>}, GitLab sends the secret itself as
 * {@code X-Gitlab-Token}. When a signature header is present the signatures alone decide, and
 * every one present must match, so a request can neither fall back to the weaker token form nor
 * slip a bad signature past a good one. Comparisons are constant-time.
 */
final class WebhookAuthenticator {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    static final String GITEA_SIGNATURE_HEADER = "X-Gitea-Signature";
    static final String GITLAB_TOKEN_HEADER = "X-Gitlab-Token";
    private static final String SIGNATURE_PREFIX = "sha256=";
    private static final String HMAC = "HmacSHA256";

    private final Secret secret;

    /** {@code secret} is revealed at each delivery: one read at each use follows a rotated Secret. */
    WebhookAuthenticator(Secret secret) {
        this.secret = secret;
        if (secret.reveal().isEmpty()) {
            throw new IllegalArgumentException("webhook secret from " + secret.origin() + " is empty");
        }
    }

    WebhookVerdict verify(Headers headers, byte[] body) {
        byte[] secretBytes;
        try {
            secretBytes = secret.reveal().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // Unreadable now (a Secret mount being swapped): refuse this delivery, the forge retries.
            return new WebhookVerdict.Rejected("the webhook secret cannot be read now: " + e.getMessage());
        }
        if (secretBytes.length == 0) {
            return new WebhookVerdict.Rejected("the webhook secret from " + secret.origin() + " is empty now");
        }
        return verify(headers, body, secretBytes);
    }

    private WebhookVerdict verify(Headers headers, byte[] body, byte[] secretBytes) {
        String signature = headers.getFirst(SIGNATURE_HEADER);
        String giteaSignature = headers.getFirst(GITEA_SIGNATURE_HEADER);
        if (signature != null || giteaSignature != null) {
            WebhookVerdict verdict = signature == null ? null : verifySignature(signature.trim(), body, secretBytes);
            if (giteaSignature != null && !(verdict instanceof WebhookVerdict.Rejected)) {
                verdict = verifyHex(GITEA_SIGNATURE_HEADER, giteaSignature.trim(), body, secretBytes);
            }
            return verdict;
        }
        String token = headers.getFirst(GITLAB_TOKEN_HEADER);
        if (token != null) {
            return verifyToken(token, secretBytes);
        }
        return new WebhookVerdict.Rejected("no " + SIGNATURE_HEADER + ", " + GITEA_SIGNATURE_HEADER + " or "
                + GITLAB_TOKEN_HEADER + " header");
    }

    private static WebhookVerdict verifySignature(String signature, byte[] body, byte[] secretBytes) {
        if (!signature.startsWith(SIGNATURE_PREFIX)) {
            return new WebhookVerdict.Rejected(SIGNATURE_HEADER + " does not start with " + SIGNATURE_PREFIX);
        }
        return verifyHex(SIGNATURE_HEADER, signature.substring(SIGNATURE_PREFIX.length()), body, secretBytes);
    }

    private static WebhookVerdict verifyHex(String header, String hex, byte[] body, byte[] secretBytes) {
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new WebhookVerdict.Rejected(header + " is not hexadecimal");
        }
        // An empty claim would compare unequal anyway; naming it helps whoever set the hook up.
        if (claimed.length == 0) {
            return new WebhookVerdict.Rejected(header + " is empty");
        }
        return MessageDigest.isEqual(hmac(body, secretBytes), claimed)
                ? new WebhookVerdict.Accepted("hmac-sha256")
                : new WebhookVerdict.Rejected(header + " does not match the body");
    }

    private static WebhookVerdict verifyToken(String token, byte[] secretBytes) {
        // Comparing digests, not the strings, keeps even the secret's length out of the timing.
        return MessageDigest.isEqual(sha256(secretBytes), sha256(token.getBytes(StandardCharsets.UTF_8)))
                ? new WebhookVerdict.Accepted("gitlab-token")
                : new WebhookVerdict.Rejected(GITLAB_TOKEN_HEADER + " does not match");
    }

    private static byte[] hmac(byte[] body, byte[] secretBytes) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secretBytes, HMAC));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // Every Java runtime must provide HmacSHA256; reaching this is a broken JDK.
            throw new IllegalStateException(HMAC + " unavailable", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

package dev.burstgitops.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import dev.burstgitops.config.Secret;
import dev.burstgitops.config.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The two ways forges prove a delivery, against GitHub's published test vector. */
class WebhookAuthenticatorTest {

    // From GitHub's "Validating webhook deliveries" documentation.
    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final byte[] GITHUB_PAYLOAD = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String GITHUB_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private final WebhookAuthenticator authenticator =
            new WebhookAuthenticator(Secret.of(GITHUB_SECRET, "test"));

    @Test
    void acceptsGithubsPublishedSignatureForItsPayload() {
        assertThat(authenticator.verify(headers("X-Hub-Signature-256", GITHUB_SIGNATURE), GITHUB_PAYLOAD))
                .isEqualTo(new WebhookVerdict.Accepted("hmac-sha256"));
    }

    @Test
    void aRotatedSecretFileIsUsedFromTheNextDeliveryAndTheOldSecretNoLonger(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "the old secret\n");
        WebhookAuthenticator rotating = new WebhookAuthenticator(
                SecretRef.file("server.webhookSecretFile", file).readWhenUsed());
        Files.writeString(file, GITHUB_SECRET + "\n");

        assertThat(rotating.verify(headers("X-Hub-Signature-256", GITHUB_SIGNATURE), GITHUB_PAYLOAD))
                .isEqualTo(new WebhookVerdict.Accepted("hmac-sha256"));
        Files.delete(file);
        assertThat(rotating.verify(headers("X-Hub-Signature-256", GITHUB_SIGNATURE), GITHUB_PAYLOAD))
                .isInstanceOfSatisfying(WebhookVerdict.Rejected.class, rejected -> assertThat(rejected.toString())
                        .contains("server.webhookSecretFile").doesNotContain(GITHUB_SECRET));
    }

    @Test
    void acceptsTheSignatureWrittenInUpperCaseHex() {
        String upper = "sha256=" + GITHUB_SIGNATURE.substring("sha256=".length()).toUpperCase();

        assertThat(authenticator.verify(headers("X-Hub-Signature-256", upper), GITHUB_PAYLOAD))
                .isInstanceOf(WebhookVerdict.Accepted.class);
    }

    @Test
    void refusesTheSignatureWhenOneByteOfTheBodyChanged() {
        byte[] tampered = "Hello, World?".getBytes(StandardCharsets.UTF_8);

        assertThat(authenticator.verify(headers("X-Hub-Signature-256", GITHUB_SIGNATURE), tampered))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void refusesSignaturesThatAreNotSha256Hex() {
        assertThat(authenticator.verify(headers("X-Hub-Signature-256", "sha1=abc"), GITHUB_PAYLOAD))
                .isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(authenticator.verify(headers("X-Hub-Signature-256", "sha256=zz"), GITHUB_PAYLOAD))
                .isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(authenticator.verify(headers("X-Hub-Signature-256", "sha256="), GITHUB_PAYLOAD))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void acceptsGiteasBareHexSignatureOfTheBody() {
        String bareHex = GITHUB_SIGNATURE.substring("sha256=".length());

        assertThat(authenticator.verify(headers("X-Gitea-Signature", bareHex), GITHUB_PAYLOAD))
                .isEqualTo(new WebhookVerdict.Accepted("hmac-sha256"));
    }

    @Test
    void refusesGiteasSignatureWhenTheBodyChangedOrItIsNotHex() {
        String bareHex = GITHUB_SIGNATURE.substring("sha256=".length());

        assertThat(authenticator.verify(headers("X-Gitea-Signature", bareHex), "Hello, World?".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(authenticator.verify(headers("X-Gitea-Signature", GITHUB_SIGNATURE), GITHUB_PAYLOAD))
                .isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(authenticator.verify(headers("X-Gitea-Signature", ""), GITHUB_PAYLOAD))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void aWrongGiteaSignatureIsNotRescuedByACorrectHubSignature() {
        Headers both = headers("X-Hub-Signature-256", GITHUB_SIGNATURE);
        both.add("X-Gitea-Signature", "00".repeat(32));

        assertThat(authenticator.verify(both, GITHUB_PAYLOAD)).isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void acceptsGiteasDeliveryCarryingBothSignatures() {
        Headers both = headers("X-Hub-Signature-256", GITHUB_SIGNATURE);
        both.add("X-Gitea-Signature", GITHUB_SIGNATURE.substring("sha256=".length()));

        assertThat(authenticator.verify(both, GITHUB_PAYLOAD)).isEqualTo(new WebhookVerdict.Accepted("hmac-sha256"));
    }

    @Test
    void refusesADeliveryWithNeitherSignatureNorToken() {
        assertThat(authenticator.verify(new Headers(), GITHUB_PAYLOAD))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void acceptsTheGitlabTokenOnlyWhenItIsTheSecretExactly() {
        assertThat(authenticator.verify(headers("X-Gitlab-Token", GITHUB_SECRET), GITHUB_PAYLOAD))
                .isEqualTo(new WebhookVerdict.Accepted("gitlab-token"));
        assertThat(authenticator.verify(headers("X-Gitlab-Token", GITHUB_SECRET + " "), GITHUB_PAYLOAD))
                .isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(authenticator.verify(headers("X-Gitlab-Token", ""), GITHUB_PAYLOAD))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void aWrongSignatureIsNotRescuedByACorrectToken() {
        Headers both = headers("X-Hub-Signature-256", "sha256=" + "00".repeat(32));
        both.add("X-Gitlab-Token", GITHUB_SECRET);

        assertThat(authenticator.verify(both, GITHUB_PAYLOAD)).isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void noReasonForARefusalRepeatsTheSecretOrTheSignature() {
        WebhookVerdict verdict = authenticator.verify(headers("X-Gitlab-Token", GITHUB_SECRET + "x"), GITHUB_PAYLOAD);

        assertThat(((WebhookVerdict.Rejected) verdict).reason())
                .doesNotContain(GITHUB_SECRET)
                .doesNotContain("757107ea");
    }

    @Test
    void anEmptySecretIsRefusedAtConstructionNamingItsOriginOnly() {
        assertThatThrownBy(() -> new WebhookAuthenticator(Secret.of("", "file /etc/webhook/secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file /etc/webhook/secret");
    }

    private static Headers headers(String name, String value) {
        Headers headers = new Headers();
        headers.add(name, value);
        return headers;
    }
}

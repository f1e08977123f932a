package dev.burstgitops.gitops.forge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forge's explanation, pulled out of each error body shape the three forges use. */
class ForgeMessagesTest {

    @Test
    void githubsValidationErrorsFollowItsSummary() {
        assertThat(ForgeMessages.of(ForgeServer.resource("github/error-422-already-exists.json")))
                .isEqualTo("Validation Failed; A pull request already exists for acme:burst-gitops/worker.");
    }

    @Test
    void githubsCodedErrorsNameTheField() {
        assertThat(ForgeMessages.of("{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\","
                + "\"field\":\"head\",\"code\":\"invalid\"}]}"))
                .isEqualTo("Validation Failed; head invalid");
    }

    @Test
    void gitlabsMessageMayBeAListOrFieldErrors() {
        assertThat(ForgeMessages.of(ForgeServer.resource("gitlab/error-409-already-exists.json")))
                .isEqualTo("Another open merge request already exists for this source branch: !12");
        assertThat(ForgeMessages.of("{\"message\":{\"title\":[\"is too long (maximum is 255 characters)\"]}}"))
                .isEqualTo("title is too long (maximum is 255 characters)");
    }

    @Test
    void gitlabsOauthErrorsKeepTheirDescription() {
        assertThat(ForgeMessages.of("{\"error\":\"invalid_token\",\"error_description\":\"Token was revoked.\"}"))
                .isEqualTo("invalid_token; Token was revoked.");
    }

    @Test
    void plainTextIsKeptShortAndHtmlIsDropped() {
        assertThat(ForgeMessages.of("Retry later\n")).isEqualTo("Retry later");
        assertThat(ForgeMessages.of("x".repeat(500))).hasSize(201).endsWith("…");
        assertThat(ForgeMessages.of("<!DOCTYPE html><html>502</html>")).isNull();
        assertThat(ForgeMessages.of("")).isNull();
    }
}

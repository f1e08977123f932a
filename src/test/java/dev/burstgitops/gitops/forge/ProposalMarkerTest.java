package dev.burstgitops.gitops.forge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The marker by which a pull request's body remembers its proposal. */
class ProposalMarkerTest {

    @Test
    void aMarkedBodyGivesItsKeyBackAndStripsToTheTextAlone() {
        String body = ProposalMarker.append("Observed 17.2 req/s.", "273c98627d1b29ac");

        assertThat(body).isEqualTo("Observed 17.2 req/s.\n\n<!-- burst-gitops proposal 273c98627d1b29ac -->");
        assertThat(ProposalMarker.keyOf(body)).contains("273c98627d1b29ac");
        assertThat(ProposalMarker.strip(body)).isEqualTo("Observed 17.2 req/s.");
    }

    @Test
    void aBodyEditedInABrowserStillGivesItsKeyBack() {
        String edited = "Observed 17.2 req/s.\r\n\r\n<!-- burst-gitops proposal 273c98627d1b29ac -->\r\n";

        assertThat(ProposalMarker.keyOf(edited)).contains("273c98627d1b29ac");
    }

    @Test
    void appendingReplacesAnEarlierMarker() {
        String twice = ProposalMarker.append(ProposalMarker.append("text", "aaaaaaaaaaaaaaaa"), "bbbbbbbbbbbbbbbb");

        assertThat(twice).isEqualTo("text\n\n<!-- burst-gitops proposal bbbbbbbbbbbbbbbb -->");
    }

    @Test
    void anUnmarkedBodyOrAMarkerQuotedMidTextCarriesNoKey() {
        assertThat(ProposalMarker.keyOf("Observed 17.2 req/s.")).isEmpty();
        assertThat(ProposalMarker.keyOf("<!-- burst-gitops proposal 273c98627d1b29ac --> and a reply")).isEmpty();
        assertThat(ProposalMarker.append("", "273c98627d1b29ac")).isEqualTo("<!-- burst-gitops proposal 273c98627d1b29ac -->");
    }
}

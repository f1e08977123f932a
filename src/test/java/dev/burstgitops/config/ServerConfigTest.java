package dev.burstgitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code server} section: the address both listeners bind, the probes' port and the webhook's own port. */
class ServerConfigTest {

    private static final String GIT = "git:\n  url: file:///srv/fleet.git\n";

    @Test
    void withoutAServerSectionEveryInterfaceIsBoundWithTheWebhookBesideTheProbes() throws Exception {
        ServerConfig server = parse(GIT).server();

        assertThat(server.address()).isEqualTo("0.0.0.0");
        assertThat(server.port()).isEqualTo(8080);
        assertThat(server.webhookPort()).isEqualTo(8081);
        assertThat(server.webhookSecret()).isEmpty();
    }

    @Test
    void readsTheAddressAndBothPorts() throws Exception {
        ServerConfig server = parse(GIT + "server: { address: 127.0.0.1, port: 9000, webhookPort: 9001 }\n").server();

        assertThat(server.address()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isEqualTo(9000);
        assertThat(server.webhookPort()).isEqualTo(9001);
    }

    @Test
    void portZeroForBothMeansAFreePortEachAndIsAllowed() throws Exception {
        ServerConfig server = parse(GIT + "server: { port: 0, webhookPort: 0 }\n").server();

        assertThat(server.port()).isZero();
        assertThat(server.webhookPort()).isZero();
    }

    @Test
    void theWebhookCannotShareThePortOfTheProbesAndTheProblemNamesTheKeyAndLine() {
        assertThatThrownBy(() -> parse(GIT + "server:\n  port: 8080\n  webhookPort: 8080\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("burst-gitops.yaml:5: server.webhookPort: must differ from server.port (8080)");
    }

    @Test
    void aWebhookPortOutOfRangeIsAProblem() {
        assertThatThrownBy(() -> parse(GIT + "server:\n  webhookPort: 70000\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.webhookPort: must be a TCP port (0 to 65535)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "10.1.2.3", "::", "::1", "fd00::1", "localhost", "burst-gitops.svc"})
    void acceptsIpLiteralsAndHostNames(String address) throws Exception {
        assertThat(parse(GIT + "server: { address: '" + address + "' }\n").server().address()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3", "127.0.0.1:8080", "http://0.0.0.0", "::g", "a b", "-host"})
    void refusesWhatCannotNameAnInterfaceNamingTheValue(String address) {
        assertThatThrownBy(() -> parse(GIT + "server: { address: '" + address + "' }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.address: must be an IP address (0.0.0.0, 127.0.0.1, ::) or a host name,"
                        + " not '" + address + "'");
    }

    @Test
    void anUnknownServerKeyIsStillAnError() {
        assertThatThrownBy(() -> parse(GIT + "server: { bind: 127.0.0.1 }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.bind: unknown key");
    }

    private static BurstGitopsConfig parse(String text) throws ConfigException {
        return ConfigLoader.parse(text, "burst-gitops.yaml", Path.of("/tmp"));
    }
}

package dev.burstgitops.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.status.ControllerMetrics;
import dev.burstgitops.status.LoopHealth;
import dev.burstgitops.status.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Binding where the settings say, failing clearly when it cannot, and letting go on close. */
class ServerLifecycleTest {

    private static ServerInputs inputs() {
        return new ServerInputs(new ControllerMetrics(), new LoopHealth(Clock.systemUTC()), new Readiness(),
                Map::of, new RecordingListener());
    }

    @Test
    void listensOnTheConfiguredAddressOnly() {
        try (ControllerHttpServer server = ControllerHttpServer.start(
                ServerSettings.of("127.0.0.1", 0, Optional.empty()), inputs())) {
            assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(server.address().getPort()).isEqualTo(server.port());
        }
    }

    @Test
    void aPortAlreadyTakenFailsTheStartNamingTheAddress() {
        try (ControllerHttpServer first = ControllerHttpServer.start(
                ServerSettings.of("127.0.0.1", 0, Optional.empty()), inputs())) {
            assertThatThrownBy(() -> ControllerHttpServer.start(
                    ServerSettings.of("127.0.0.1", first.port(), Optional.empty()), inputs()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port());
        }
    }

    @Test
    void afterCloseThePortRefusesConnections() {
        ControllerHttpServer server = ControllerHttpServer.start(
                ServerSettings.of("127.0.0.1", 0, Optional.empty()), inputs());
        int port = server.port();

        server.close();

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void settingsOutsideTheirRangeAreRefusedBeforeBinding() {
        assertThatThrownBy(() -> ServerSettings.of("127.0.0.1", 70000, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
        assertThatThrownBy(() -> ServerSettings.of("127.0.0.1", 0, Optional.empty()).withWebhookMaxBodyBytes(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

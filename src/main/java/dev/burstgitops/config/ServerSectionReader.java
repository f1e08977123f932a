package dev.burstgitops.config;

import java.util.Optional;

/** Reads the {@code server} section: where to listen for probes and metrics, and for the webhook. */
final class ServerSectionReader {

    private ServerSectionReader() {
    }

    static ServerConfig read(YamlSection server) {
        String address = server.string("address", ServerConfig.DEFAULT_ADDRESS);
        if (!ServerConfig.isValidAddress(address)) {
            server.problem("address", "must be an IP address (0.0.0.0, 127.0.0.1, ::) or a host name, not '"
                    + address + "'");
        }
        int port = server.integer("port", ServerConfig.DEFAULT_PORT);
        if (port < 0 || port > 65535) {
            server.problem("port", "must be a TCP port (0 to 65535)");
        }
        int webhookPort = server.integer("webhookPort", ServerConfig.DEFAULT_WEBHOOK_PORT);
        if (webhookPort < 0 || webhookPort > 65535) {
            server.problem("webhookPort", "must be a TCP port (0 to 65535)");
        } else if (webhookPort != 0 && webhookPort == port) {
            // Two listeners cannot share a port; one listener for both would expose the probes
            // and /status wherever the webhook is exposed.
            server.problem("webhookPort", "must differ from server.port (" + port + "): the webhook has a"
                    + " listener of its own, so that an ingress exposes only it");
        }
        Optional<SecretRef> webhook = SecretKeys.optional(server, "webhookSecret");
        server.rejectUnknownKeys();
        return new ServerConfig(address, port, webhookPort, webhook);
    }
}

package dev.burstgitops.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code server} section: where {@code run} listens. The probes, {@code /metrics} and
 * {@code /status} are served on {@code port}; {@code POST /hooks/git} only on {@code webhookPort},
 * so that an ingress can expose the webhook and nothing else.
 *
 * @param address       the interface both listeners bind to: {@code 0.0.0.0} (every IPv4 interface)
 *                      by default, {@code 127.0.0.1} to keep them on the machine
 * @param port          probes, metrics and status
 * @param webhookPort   the webhook's own listener, opened only when a webhook secret is configured
 * @param webhookSecret the shared secret forges sign deliveries with
 */
public record ServerConfig(String address, int port, int webhookPort, Optional<SecretRef> webhookSecret) {

    public static final String DEFAULT_ADDRESS = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_WEBHOOK_PORT = 8081;

    private static final Pattern DOTTED = Pattern.compile("[0-9.]+");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern HOST_NAME =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    /**
     * Whether {@code address} can name an interface to bind: an IPv4 or IPv6 literal, or a host
     * name. Checked by its form only, so that {@code validate} never waits on DNS; a name that does
     * not resolve fails when {@code run} binds, naming it.
     */
    public static boolean isValidAddress(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        if (DOTTED.matcher(address).matches()) {
            return isIpv4(address);
        }
        if (address.contains(":")) {
            // Only hex digits, colons and dots: InetAddress parses it as a literal, without a lookup.
            return IPV6_TEXT.matcher(address).matches() && parses(address);
        }
        return HOST_NAME.matcher(address).matches();
    }

    private static boolean isIpv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean parses(String literal) {
        try {
            InetAddress.getByName(literal);
            return true;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }
}

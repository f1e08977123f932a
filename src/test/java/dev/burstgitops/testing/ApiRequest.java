package dev.burstgitops.testing;

import java.util.Map;

/**
 * One request a real API server received, as its audit log records it: the verb, the path, the
 * query and the user. Reads and writes by the test's two users only; the server's own
 * housekeeping is not recorded.
 */
public record ApiRequest(String verb, String path, Map<String, String> query, String user) {

    /** The HTTP method the verb was sent with. */
    public String method() {
        return switch (verb) {
            case "create" -> "POST";
            case "update" -> "PUT";
            case "patch" -> "PATCH";
            case "delete", "deletecollection" -> "DELETE";
            default -> "GET";
        };
    }

    /** A request that changes something: not a read, and not a dry run (which the server does not persist). */
    public boolean isWrite() {
        return !method().equals("GET") && !isDryRun();
    }

    /** A write sent with {@code dryRun=All}: validated, defaulted and answered, never stored. */
    public boolean isDryRun() {
        return "All".equals(query.get("dryRun"));
    }

    public boolean byController() {
        return dev.burstgitops.demo.LocalApiServer.CONTROLLER_USER.equals(user);
    }
}

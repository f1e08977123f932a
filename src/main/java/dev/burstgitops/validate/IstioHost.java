package dev.burstgitops.validate;

/**
 * Host names the way Istio compares them. A short name ({@code worker-service}) means the
 * service in the namespace of the rule that writes it, so it is completed to
 * {@code worker-service.<namespace>.svc.cluster.local}; a name with a dot is taken as written,
 * as Istio's {@code ResolveShortnameToFQDN} does. {@code *.example.com} in a DestinationRule
 * covers every host below it.
 */
final class IstioHost {

    static final String CLUSTER_DOMAIN = "svc.cluster.local";

    private IstioHost() {
    }

    /**
     * @param namespace the namespace of the object that names the host; empty (a file that
     *                  names none) is read as {@code default}, where such an object is applied
     */
    static String resolve(String host, String namespace) {
        if (host.equals("*") || host.contains(".")) {
            return host;
        }
        return host + "." + (namespace.isEmpty() ? "default" : namespace) + "." + CLUSTER_DOMAIN;
    }

    /** Whether a DestinationRule for {@code ruleHost} applies to traffic for {@code host}; both resolved. */
    static boolean covers(String ruleHost, String host) {
        if (ruleHost.equals(host) || ruleHost.equals("*")) {
            return true;
        }
        return ruleHost.startsWith("*.") && host.endsWith(ruleHost.substring(1));
    }
}

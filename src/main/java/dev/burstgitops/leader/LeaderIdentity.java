package dev.burstgitops.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Who this replica is in the leader-election Lease ({@code spec.holderIdentity}).
 *
 * <p>In a pod, Kubernetes sets {@code HOSTNAME} to the pod name: unique among the replicas, and
 * what a person running {@code kubectl get lease} wants to see. Elsewhere (a workstation, a test)
 * the host name alone is not unique: two processes on one machine would share an identity and
 * both believe they hold the lease, so a random suffix is added.
 */
public final class LeaderIdentity {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LeaderIdentity() {
    }

    /** The identity of this process: the pod name, else host name plus a random suffix. */
    public static String ofThisProcess() {
        return from(System.getenv(), LeaderIdentity::localHostName);
    }

    static String from(Map<String, String> environment, Supplier<String> hostName) {
        String podName = environment.get("HOSTNAME");
        if (podName != null && !podName.isBlank()) {
            return podName.strip();
        }
        return hostName.get() + "-" + randomSuffix();
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // Only the suffix has to be unique; the host part is a hint for people.
            return "burst-gitops";
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

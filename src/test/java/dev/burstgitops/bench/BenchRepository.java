package dev.burstgitops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmarks' cluster directory: a Namespace and 1,000 objects (ConfigMaps, Deployments and
 * Services, as a team's apps would be) in 100 files. The Namespace's file sorts first, so that
 * {@code kubectl apply -R -f} (which applies files in name order) creates it before what lives in
 * it; our applier orders by kind and does not care. The Services are headless: the test API
 * servers' service range (10.0.0.0/24) holds fewer ClusterIPs than the 333 Services.
 */
final class BenchRepository {

    /** Objects besides the Namespace. */
    static final int OBJECTS = 1000;
    /** Every object a full pass applies: the Namespace and {@link #OBJECTS}. */
    static final int ALL = OBJECTS + 1;
    static final String NAMESPACE = "bench";

    private BenchRepository() {
    }

    /** The files of one cluster directory {@code clusters/<cluster>}, by path from the repository root. */
    static Map<String, String> files(String cluster) {
        Map<String, String> files = new LinkedHashMap<>();
        String dir = "clusters/" + cluster + "/";
        files.put(dir + "00-namespace.yaml",
                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + NAMESPACE + "\n");
        for (int file = 0; file < OBJECTS / 10; file++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                int n = file * 10 + i;
                text.append(switch (n % 3) {
                    case 0 -> configMap(n);
                    case 1 -> deployment(n);
                    default -> service(n);
                });
            }
            files.put(dir + "app-" + file + ".yaml", text.toString());
        }
        return files;
    }

    /** Writes {@code files} below {@code root}; returns {@code root}. */
    static Path write(Path root, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String configMap(int n) {
        return "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-" + n + "\n  namespace: " + NAMESPACE + "\n"
                + "data:\n  key: value-" + n + "\n  other: \"" + "x".repeat(64) + "\"\n";
    }

    private static String deployment(int n) {
        return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-" + n + "\n  namespace: " + NAMESPACE + "\n"
                + "spec:\n  replicas: 1\n  selector:\n    matchLabels: {app: app-" + n + "}\n  template:\n"
                + "    metadata:\n      labels: {app: app-" + n + "}\n    spec:\n      containers:\n"
                + "        - name: app\n          image: registry.example.com/app:1.0." + n + "\n"
                + "          ports: [{containerPort: 8080}]\n"
                + "          resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {cpu: 100m, memory: 64Mi}}\n";
    }

    private static String service(int n) {
        return "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-" + n + "\n  namespace: " + NAMESPACE + "\n"
                + "spec:\n  clusterIP: None\n  selector: {app: app-" + n + "}\n  ports: [{name: http, port: 80, targetPort: 8080}]\n";
    }
}

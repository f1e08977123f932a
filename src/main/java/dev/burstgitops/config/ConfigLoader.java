package dev.burstgitops.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code burst-gitops.yaml} into immutable records. Every problem names the key path and
 * the line, unknown keys are errors, and all problems are reported together.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static BurstGitopsConfig load(Path file) throws ConfigException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Path base = file.toAbsolutePath().getParent();
            return parse(text, file.toString(), base);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /**
     * @param fileName how to name the file in problems
     * @param baseDir  where relative paths in the file are taken from
     */
    public static BurstGitopsConfig parse(String text, String fileName, Path baseDir) throws ConfigException {
        ConfigProblems problems = new ConfigProblems(fileName);
        Node root = compose(text, fileName);
        if (root == null) {
            throw new ConfigException(fileName + ": the file is empty");
        }
        YamlSection top = new YamlSection("", root, problems, baseDir);
        GitConfig git = GitSectionReader.read(top.sectionOrEmpty("git"), top.has("git"));
        Optional<PrometheusConfig> prometheus = top.section("prometheus").map(ConfigLoader::prometheus);
        // Before the clusters: the lease bounds their request timeouts.
        LeaderElectionConfig leader = LeaderElectionSectionReader.read(top.sectionOrEmpty("leaderElection"));
        // Clusters first: a policy's burstReadiness names one of them.
        List<ClusterConfig> clusters = ClusterSectionReader.read(top, leader);
        List<PolicyConfig> policies = PolicySectionReader.read(top,
                clusters.stream().map(ClusterConfig::name).collect(java.util.stream.Collectors.toSet()));
        if (!policies.isEmpty() && prometheus.isEmpty()) {
            top.problem("prometheus", "is required when policies are configured");
        }
        // Unsigned decisions would be refused by the sync loop, and the burst loop would then
        // refuse to build on its own commit: the controller would lock itself out at the first change.
        if (!policies.isEmpty() && git.allowedSignersFile().isPresent() && git.signingKeyFile().isEmpty()) {
            top.problem("git.verify", "needs git.signing when policies are configured: the controller's own"
                    + " decision commits must carry a signature the allowed signers list");
        }
        SyncConfig sync = SyncSectionReader.read(top.sectionOrEmpty("sync"));
        ServerConfig server = ServerSectionReader.read(top.sectionOrEmpty("server"));
        top.rejectUnknownKeys();
        problems.throwIfAny();
        return new BurstGitopsConfig(baseDir.resolve(fileName), git, prometheus, policies, clusters, sync, server,
                leader);
    }

    private static Node compose(String text, String fileName) throws ConfigException {
        try {
            return new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(fileName + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new ConfigException(fileName + ": not valid YAML: " + e.getMessage());
        }
    }

    private static PrometheusConfig prometheus(YamlSection prom) {
        URI url = uri(prom, "url");
        Duration timeout = prom.duration("timeout", Duration.ofSeconds(2));
        Duration scrapeInterval = prom.duration("scrapeInterval", PrometheusConfig.DEFAULT_SCRAPE_INTERVAL);
        if (scrapeInterval != null && scrapeInterval.isZero()) {
            prom.problem("scrapeInterval", "must be longer than 0s");
        }
        YamlSection auth = prom.sectionOrEmpty("auth");
        Optional<SecretRef> bearer = SecretKeys.optional(auth, "bearerToken");
        Optional<String> username = auth.optionalString("username");
        Optional<SecretRef> password = SecretKeys.optional(auth, "password");
        if (bearer.isPresent() && username.isPresent()) {
            auth.problem("username", "use either a bearer token or a user name and password, not both");
        }
        if (username.isPresent() != password.isPresent()) {
            auth.problem(username.isPresent() ? "username" : "passwordFile",
                    "a user name and a password (passwordFile or passwordEnv) go together");
        }
        auth.rejectUnknownKeys();
        prom.rejectUnknownKeys();
        return new PrometheusConfig(url, timeout, scrapeInterval, bearer, username, password);
    }

    static URI uri(YamlSection section, String key) {
        String text = section.string(key);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null) {
                section.problem(key, "must be a URL with a scheme (https://..., file://...), not '" + text + "'");
            } else if (uri.getUserInfo() != null) {
                section.problem(key, "must not carry credentials; use the auth section");
            }
            return uri;
        } catch (URISyntaxException e) {
            section.problem(key, "is not a valid URL: " + e.getReason());
            return null;
        }
    }
}

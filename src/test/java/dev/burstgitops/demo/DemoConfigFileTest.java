package dev.burstgitops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class DemoConfigFileTest {

    @Test
    void theDemoMeasuresWithTheReferenceLayoutsQuery() throws Exception {
        Map<?, ?> configMap = new Yaml().load(Files.readString(Path.of("apps/burst-gitops/configmap.yaml")));
        Map<?, ?> embedded = new Yaml().load((String) ((Map<?, ?>) configMap.get("data")).get("burst-gitops.yaml"));
        Map<?, ?> worker = (Map<?, ?>) ((java.util.List<?>) embedded.get("policies")).get(0);

        assertThat(DemoConfigFile.WORKER_QUERY).isEqualTo(worker.get("query"));
    }

    @Test
    void theWrittenConfigurationCarriesTheQueryItIsGivenAndPrometheusOneSecondScrapes(@TempDir Path dir)
            throws Exception {
        String query = DemoConfigFile.WORKER_QUERY.replace("[1m]", "[4s]");
        Path file = DemoConfigFile.write(dir, dir.resolve("fleet.git"), URI.create("http://127.0.0.1:9090"), query,
                PolicyTimings.demoDefaults(), "kubeconfigs");

        BurstGitopsConfig config = ConfigLoader.load(file);
        assertThat(config.policy("worker").orElseThrow().query()).isEqualTo(query);
        assertThat(config.prometheus().orElseThrow().scrapeInterval()).isEqualTo(Duration.ofSeconds(1));
    }
}

package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Credentials are created in the cluster by hand (apps/burst-gitops/README.md), never committed. */
class NoCommittedSecretsTest {

    @Test
    void noSecretObjectIsCommittedUnderAppsClustersOrTheTemplate() {
        List<Manifest> objects = ReferenceRepository.objectsUnder("apps", "clusters", "gitops-repo-template");

        assertThat(objects).isNotEmpty();
        assertThat(objects).filteredOn(o -> "Secret".equals(o.kind())).extracting(Manifest::source).isEmpty();
    }

    @Test
    void noRenderedClusterContainsASecret() {
        for (String cluster : List.of("clusters/primary", "clusters/burst")) {
            assertThat(Kustomize.render(ReferenceRepository.path(cluster))).extracting(Manifest::kind)
                    .as(cluster).doesNotContain("Secret");
        }
    }

    @Test
    void noManifestCarriesATokenOrKubeconfigInline() {
        for (Path file : ReferenceRepository.yamlFilesUnder("apps", "clusters", "gitops-repo-template")) {
            String text = ReferenceRepository.read(file);
            assertThat(text).as("%s", file)
                    .doesNotContain("client-key-data", "client-certificate-data", "BEGIN PRIVATE KEY", "BEGIN RSA")
                    .doesNotContainPattern("(?m)^\\s*(token|password):\\s*\\S");
        }
    }
}

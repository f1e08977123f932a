package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template, once its placeholders are filled in the way `init` does, is a working repository. */
class GitopsRepoTemplateTest {
    private static final Path TEMPLATE = ReferenceRepository.path("gitops-repo-template");

    @TempDir
    Path repository;

    @Test
    void afterSubstitutionPrimaryRendersTheServiceItsRoutingAndItsNamespace() throws IOException {
        instantiate("checkout", "shop");

        assertThat(Kustomize.render(repository.resolve("clusters/primary"))).extracting(Manifest::key)
                .containsExactlyInAnyOrder(
                        "Namespace shop",
                        "Deployment shop/checkout",
                        "Service shop/checkout",
                        "VirtualService shop/checkout",
                        "DestinationRule shop/checkout");
    }

    @Test
    void afterSubstitutionBurstRendersTheBurstCopyOfTheServiceOnly() throws IOException {
        instantiate("checkout", "shop");

        List<Manifest> objects = Kustomize.render(repository.resolve("clusters/burst"));
        assertThat(objects).extracting(Manifest::key)
                .containsExactlyInAnyOrder("Namespace shop", "Deployment shop/checkout", "Service shop/checkout");
        Manifest deployment = ClusterDirectoriesRenderTest.find(objects, "Deployment shop/checkout");
        assertThat(deployment.map("spec", "template", "metadata", "labels")).containsEntry("cluster-type", "burst-cluster");
    }

    @Test
    void theVirtualServiceStartsNaturalAndTheConfigPointsAtIt() throws IOException {
        instantiate("checkout", "shop");

        Manifest config = Manifest.load(Files.readString(repository.resolve("burst-gitops.yaml")), "burst-gitops.yaml");
        Manifest policy = config.list("policies").get(0);
        assertThat(policy.string("name")).isEqualTo("checkout");
        assertThat(policy.string("query")).isEqualTo("sum(rate(istio_requests_total{reporter=\"source\","
                + "destination_service=\"checkout.shop.svc.cluster.local\"}[1m]))");
        Path file = repository.resolve(policy.string("virtualService", "file"));
        List<Manifest> documents = Manifest.loadAll(Files.readString(file), file.toString());
        assertThat(documents).extracting(Manifest::kind).containsExactly("VirtualService", "DestinationRule");
        assertThat(documents.get(0).list("spec", "http").get(0).list("route"))
                .extracting(r -> r.string("destination", "subset"), r -> r.get("weight"))
                .containsExactly(tuple("primary", 100),
                        tuple("burst", 0));
        assertThat(config.list("clusters")).extracting(c -> c.get("allowedNamespaces")).containsOnly(List.of("shop"));
    }

    @Test
    void shipsTheFilesATeamNeedsForReviewAndValidation() {
        for (String file : List.of("README.md", "burst-gitops.yaml", "CODEOWNERS", "Jenkinsfile",
                "overrides/README.md", ".github/pull_request_template.md")) {
            assertThat(TEMPLATE.resolve(file)).as(file).isRegularFile();
        }
        assertThat(ReferenceRepository.read(TEMPLATE.resolve("CODEOWNERS"))).containsPattern("(?m)^/overrides/\\s+@\\S+");
        assertThat(ReferenceRepository.read(TEMPLATE.resolve("Jenkinsfile"))).contains("burst-gitops validate .");
        List<Manifest> tekton = ReferenceRepository.objectsUnder("gitops-repo-template/.tekton");
        assertThat(tekton).extracting(Manifest::kind).contains("Pipeline", "Task");
        Manifest task = tekton.stream().filter(o -> o.kind().equals("Task")).findFirst().orElseThrow();
        Manifest step = task.list("spec", "steps").get(0);
        assertThat(step.get("command")).isEqualTo(List.of("burst-gitops"));
        assertThat(step.get("args")).isEqualTo(List.of("validate", "."));
    }

    /** Copies the template and replaces the placeholders in paths and contents, as {@code burst-gitops init} does. */
    private void instantiate(String service, String namespace) throws IOException {
        try (Stream<Path> walk = Files.walk(TEMPLATE)) {
            for (Path source : walk.filter(Files::isRegularFile).toList()) {
                String relative = TEMPLATE.relativize(source).toString()
                        .replace("__SERVICE__", service).replace("__NAMESPACE__", namespace);
                Path target = repository.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.writeString(target, Files.readString(source)
                        .replace("__SERVICE__", service).replace("__NAMESPACE__", namespace));
            }
        }
        try (Stream<Path> walk = Files.walk(repository)) {
            assertThat(walk.filter(Files::isRegularFile).map(ReferenceRepository::read))
                    .noneMatch(text -> text.contains("__SERVICE__") || text.contains("__NAMESPACE__"));
        }
    }
}

package dev.burstgitops.validate;

import static dev.burstgitops.validate.FixtureRepository.validate;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layouts this project ships pass the check that their own CI templates run. */
class ReferenceLayoutsTest {

    /** Maven runs tests in the project root, which is itself a GitOps layout (apps/, clusters/). */
    private static final Path PROJECT = Path.of(".");

    @TempDir
    Path repository;

    @Test
    void thisProjectsOwnLayoutPassesWithItsTestFixturesLeftOut() {
        // Counted loosely: the reference manifests grow with the project, and this test is about "ok".
        assertThat(validate(PROJECT)).singleElement(as(InstanceOfAssertFactories.STRING))
                .matches("validate: ok \\(2 clusters, \\d+ objects, \\d+ polic(y|ies)\\)");
    }

    @Test
    void theRepositoryTemplatePassesOnceItsPlaceholdersAreFilledIn() throws IOException {
        Path template = PROJECT.resolve("gitops-repo-template");
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path source : walk.filter(Files::isRegularFile).toList()) {
                Path target = repository.resolve(fillIn(template.relativize(source).toString()));
                Files.createDirectories(target.getParent());
                Files.writeString(target, fillIn(Files.readString(source)));
            }
        }

        assertThat(validate(repository)).containsExactly("validate: ok (2 clusters, 8 objects, 1 policy)");
    }

    /** What {@code burst-gitops init DIR --service worker} does, in the default namespace. */
    private static String fillIn(String text) {
        return text.replace("__SERVICE__", "worker").replace("__NAMESPACE__", "default");
    }
}

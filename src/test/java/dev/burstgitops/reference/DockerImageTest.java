package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The image, checked without Docker (none runs here): the build context and the build stage
 * hold every tree pom.xml builds the jar from — the repository template once stayed out, and
 * {@code init} failed in the image — the commit reaches the build, kubectl is on the path at the
 * peers' version, and the image exposes the server's ports. The last test builds the jar's
 * resources from exactly what the Dockerfile copies out of the context, with Maven.
 */
class DockerImageTest {

    private static final Path ROOT = ReferenceRepository.ROOT;

    private final DockerIgnore ignore = new DockerIgnore(ReferenceRepository.read(ROOT.resolve(".dockerignore")));
    private final Dockerfile dockerfile = new Dockerfile(ReferenceRepository.read(ROOT.resolve("Dockerfile")));

    @TempDir
    Path context;

    @Test
    void everyFileTheJarIsBuiltFromIsInTheBuildContext() {
        List<String> needed = filesUnder(jarInputs());

        assertThat(needed).as("files the jar is built from").hasSizeGreaterThan(100)
                .contains("pom.xml", "gitops-repo-template/burst-gitops.yaml", "apps/burst-gitops/deployment.yaml",
                        "src/main/resources/build-info.properties");
        assertThat(needed).filteredOn(ignore::excludes).as("left out of the build context by .dockerignore").isEmpty();
    }

    @Test
    void theContextLeavesOutGitTheBuildOutputAndTheTests() {
        assertThat(List.of(".git/config", "target/burst-gitops.jar", "src/test/java/dev/burstgitops/Any.java",
                "bin/test", "docs/demo.md", "README.md", ".ci/run")).allMatch(ignore::excludes);
    }

    @Test
    void theBuildStageCopiesEveryTreeThePomReadsBeforeItPackages() {
        Dockerfile.Stage build = dockerfile.stage("build");
        int packaging = build.indexOf("RUN", " package");

        assertThat(packaging).as("RUN mvn ... package in the build stage").isPositive();
        for (String input : jarInputs()) {
            int copy = indexOfCopyCovering(build, input);
            assertThat(copy).as("a COPY of %s in the build stage", input).isNotNegative().isLessThan(packaging);
        }
    }

    @Test
    void theCommitGivenToTheBuildReachesTheJar() {
        Dockerfile.Stage build = dockerfile.stage("build");

        assertThat(build.argDefault("GIT_COMMIT")).contains("unknown");
        assertThat(build.instructions().get(build.indexOf("RUN", " package")).arguments())
                .contains("-Dbuild.commit=\"${GIT_COMMIT}\"");
    }

    @Test
    void theImageCarriesKubectlAtThePeersKubernetesVersionCheckedAgainstItsChecksum() {
        Dockerfile.Stage kubectl = dockerfile.stage("kubectl");

        assertThat(kubectl.argDefault("KUBECTL_VERSION")).contains(pomProperty("peers.kubernetes.version"));
        assertThat(kubectl.all("RUN")).anySatisfy(run -> assertThat(run.arguments())
                .contains("kubectl.sha256").contains("sha256sum --check"));
        assertThat(dockerfile.runtime().all("COPY")).extracting(Dockerfile.Instruction::arguments)
                .contains("--from=kubectl /usr/local/bin/kubectl /usr/local/bin/kubectl");
    }

    @Test
    void theImageExposesTheServersDefaultPorts() {
        assertThat(dockerfile.runtime().all("EXPOSE")).extracting(Dockerfile.Instruction::arguments)
                .containsExactly(ServerConfig.DEFAULT_PORT + " " + ServerConfig.DEFAULT_WEBHOOK_PORT);
    }

    @Test
    void whatTheBuildStageCopiesBuildsTheTemplateTheReferenceAndTheCommitIntoTheJar() throws Exception {
        // The build context as Docker would send it, copied where the build stage's COPYs put it.
        Dockerfile.Stage build = dockerfile.stage("build");
        for (Dockerfile.Instruction copy : build.all("COPY")) {
            String[] words = copy.arguments().split("\\s+");
            assertThat(words).as("COPY %s: one source and a destination", copy.arguments()).hasSize(2);
            copyContext(words[0], words[1].replaceFirst("^\\./", "").replaceFirst("^\\.$", ""));
        }

        Process maven = new ProcessBuilder("mvn", "-o", "-q", "-B", "process-resources", "-Dbuild.commit=0123abc")
                .directory(context.toFile()).redirectErrorStream(true)
                .redirectOutput(context.resolve("maven.log").toFile()).start();
        assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("maven finished").isTrue();
        assertThat(maven.exitValue()).as(Files.readString(context.resolve("maven.log"))).isZero();

        Path classes = context.resolve("target/classes");
        assertThat(classes.resolve("bundled/template/burst-gitops.yaml")).as("what init writes out").isRegularFile();
        assertThat(classes.resolve("bundled/template/.tekton/validate-task.yaml")).isRegularFile();
        assertThat(classes.resolve("bundled/reference/apps/burst-gitops/deployment.yaml")).isRegularFile();
        Properties buildInfo = new Properties();
        try (var in = Files.newInputStream(classes.resolve("build-info.properties"))) {
            buildInfo.load(in);
        }
        assertThat(buildInfo.getProperty("commit")).isEqualTo("0123abc");
        assertThat(buildInfo.getProperty("version")).isEqualTo(pomVersion());
    }

    /** The paths pom.xml builds the jar from: itself, the main sources and each resource tree. */
    private static List<String> jarInputs() {
        Set<String> inputs = new LinkedHashSet<>(List.of("pom.xml", "src/main/java"));
        Document pom = pom();
        NodeList resources = pom.getElementsByTagName("resource");
        for (int i = 0; i < resources.getLength(); i++) {
            Element resource = (Element) resources.item(i);
            String directory = text(resource, "directory").replace("${project.basedir}", "").replaceAll("^/", "");
            NodeList includes = resource.getElementsByTagName("include");
            if (!directory.isEmpty() || includes.getLength() == 0) {
                inputs.add(directory);
                continue;
            }
            // The project directory itself, narrowed by includes such as apps/**.
            for (int j = 0; j < includes.getLength(); j++) {
                inputs.add(includes.item(j).getTextContent().strip().replaceAll("/\\*\\*$", ""));
            }
        }
        return List.copyOf(inputs);
    }

    private static List<String> filesUnder(List<String> inputs) {
        List<String> files = new ArrayList<>();
        for (String input : inputs) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(input))) {
                walk.filter(Files::isRegularFile).map(p -> ROOT.relativize(p).toString()).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The first COPY (from the context) whose source is {@code input} or a directory above it. */
    private static int indexOfCopyCovering(Dockerfile.Stage stage, String input) {
        for (int i = 0; i < stage.instructions().size(); i++) {
            Dockerfile.Instruction instruction = stage.instructions().get(i);
            if (!instruction.keyword().equals("COPY") || instruction.arguments().startsWith("--from")) {
                continue;
            }
            String source = instruction.arguments().split("\\s+")[0].replaceAll("/$", "");
            if (input.equals(source) || input.startsWith(source + "/")) {
                return i;
            }
        }
        return -1;
    }

    /** Copies what the context holds of {@code source} to {@code destination} below the temp dir. */
    private void copyContext(String source, String destination) throws IOException {
        Path from = ROOT.resolve(source);
        Path to = destination.isEmpty() ? context.resolve(from.getFileName()) : context.resolve(destination);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = ROOT.relativize(file).toString();
                if (!ignore.excludes(relative)) {
                    Path target = Files.isDirectory(from) ? to.resolve(from.relativize(file).toString()) : to;
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }

    private static String pomProperty(String name) {
        return text(pom().getDocumentElement(), name);
    }

    private static String pomVersion() {
        Matcher version = Pattern.compile("<artifactId>burst-gitops</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(ReferenceRepository.read(ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static Document pom() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read pom.xml", e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}

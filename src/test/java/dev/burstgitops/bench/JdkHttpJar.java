package dev.burstgitops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A copy of the shaded jar whose fabric8 client talks through the JDK's own HTTP client
 * ({@code io.fabric8:kubernetes-httpclient-jdk}, the same version as the jar's fabric8) instead of
 * Vert.x: the module's classes are added and the {@code HttpClient$Factory} service names only
 * its factory. An experiment for the memory benchmark, not how the project builds; the module
 * must be in the local Maven repository
 * ({@code mvn dependency:get -Dartifact=io.fabric8:kubernetes-httpclient-jdk:VERSION}).
 */
final class JdkHttpJar {

    private static final String SERVICE = "META-INF/services/io.fabric8.kubernetes.client.http.HttpClient$Factory";

    private JdkHttpJar() {
    }

    static Path of(Path shaded, Path dir) throws IOException {
        Path copy = dir.resolve("burst-gitops-jdkhttp.jar");
        if (Files.exists(copy)) {
            return copy;
        }
        Files.copy(shaded, copy, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + copy.toUri()), Map.of())) {
            String version = fabric8Version(jar);
            Path module = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "fabric8",
                    "kubernetes-httpclient-jdk", version, "kubernetes-httpclient-jdk-" + version + ".jar");
            assertThat(module).as("mvn dependency:get -Dartifact=io.fabric8:kubernetes-httpclient-jdk:" + version)
                    .isRegularFile();
            try (FileSystem jdk = FileSystems.newFileSystem(module); Stream<Path> files = Files.walk(jdk.getPath("/io"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = jar.getPath(file.toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(jar.getPath(SERVICE), "io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory\n");
        }
        return copy;
    }

    private static String fabric8Version(FileSystem jar) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(
                jar.getPath("META-INF/maven/io.fabric8/kubernetes-client/pom.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }
}

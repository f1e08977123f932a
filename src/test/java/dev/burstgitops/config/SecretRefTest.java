package dev.burstgitops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets named by file are read when used, so a rotated Kubernetes Secret mount needs no restart. */
class SecretRefTest {

    @TempDir
    Path dir;

    @Test
    void aSecretReadWhenUsedRevealsTheFileAsItIsAtEachUse() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "first-token\n");
        Secret token = SecretRef.file("git.auth.tokenFile", file).readWhenUsed();

        assertThat(token.reveal()).isEqualTo("first-token");
        Files.writeString(file, "rotated-token\n");
        assertThat(token.reveal()).isEqualTo("rotated-token");
    }

    @Test
    void aMissingFileStopsStartUpWithTheKeyPath() {
        assertThatThrownBy(() -> SecretRef.file("git.auth.tokenFile", dir.resolve("absent")).readWhenUsed())
                .isInstanceOf(ConfigException.class).hasMessageContaining("git.auth.tokenFile");
    }

    @Test
    void aFileGoneAfterStartUpFailsThatUseNamingTheKeyNotTheValue() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "secret-value-0123");
        Secret token = SecretRef.file("prometheus.auth.bearerTokenFile", file).readWhenUsed();
        Files.delete(file);

        assertThatThrownBy(token::reveal).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("prometheus.auth.bearerTokenFile").hasMessageNotContaining("secret-value-0123");
        assertThat(token).asString().isEqualTo("****");
        assertThat(token.origin()).isEqualTo("file " + file);
    }
}

package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.GitCli;
import dev.burstgitops.testing.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --verify}: the sync loop's signature check on the checked-out commit, for a
 * pull request's pipeline. The commits are made and signed by C git, as a person makes them.
 */
class ValidateVerifyTest {

    @TempDir
    Path dir;
    Path checkout;
    Path personKey;
    Path strangerKey;
    Path allowed;

    @BeforeEach
    void repositoryAndKeys() throws IOException {
        SigningKeys keys = new SigningKeys(dir.resolve("keys"));
        personKey = keys.create("person_ed25519");
        strangerKey = keys.create("stranger_ed25519");
        allowed = keys.allowedSigners("allowed_signers", "platform-team", personKey);
        checkout = dir.resolve("fleet");
        Files.createDirectories(checkout);
        GitCli.run(checkout, "init", "-q", "-b", "main");
        Files.writeString(checkout.resolve("README.md"), "fleet\n");
        GitCli.run(checkout, "add", "README.md");
    }

    private void commit(String... signing) {
        List<String> args = new ArrayList<>(List.of("-c", "user.name=A Person", "-c", "user.email=person@example.com"));
        args.addAll(List.of(signing));
        args.addAll(List.of("commit", "-q", "--allow-empty", "-m", "change"));
        GitCli.run(checkout, args.toArray(String[]::new));
    }

    private String head() {
        return GitCli.run(checkout, "rev-parse", "HEAD").strip();
    }

    @Test
    void aHeadSignedByAnAllowedKeyPassesAndSaysWhoSignedIt() {
        commit("-c", "gpg.format=ssh", "-c", "user.signingkey=" + personKey, "-c", "commit.gpgsign=true");

        CommandRun run = CommandRun.of("validate", "--verify", "--allowed-signers", allowed.toString(), checkout.toString());

        assertThat(run.out()).contains("verify: HEAD " + head().substring(0, 12) + " is signed by platform-team");
        assertThat(run.out()).as(run.all()).contains("validate: ok");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anUnsignedHeadOrOneSignedByAnotherKeyFailsTheCheck() {
        commit();

        CommandRun unsigned = CommandRun.of("validate", "--verify", "--allowed-signers", allowed.toString(),
                checkout.toString());

        assertThat(unsigned.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(unsigned.out()).contains("verify: head " + head().substring(0, 12)
                + " is not signed by an allowed key (it carries no signature)");

        commit("-c", "gpg.format=ssh", "-c", "user.signingkey=" + strangerKey, "-c", "commit.gpgsign=true");
        CommandRun foreign = CommandRun.of("validate", "--verify", "--allowed-signers", allowed.toString(),
                checkout.toString());

        assertThat(foreign.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(foreign.out()).contains("verify: head " + head().substring(0, 12) + " is not signed by an allowed key");
    }

    @Test
    void verifyWithoutReadableAllowedSignersIsAUsageErrorAndWithoutItNothingIsVerified() {
        commit();

        assertThat(CommandRun.of("validate", "--verify", checkout.toString()).exitCode()).isEqualTo(ExitCodes.CONFIG);
        CommandRun wrongPath = CommandRun.of("validate", "--verify", "--allowed-signers", dir.resolve("absent").toString(),
                checkout.toString());
        assertThat(wrongPath.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(wrongPath.err()).contains("--allowed-signers " + dir.resolve("absent") + ": cannot be read");
        assertThat(CommandRun.of("validate", checkout.toString()).out()).doesNotContain("verify:");
    }
}

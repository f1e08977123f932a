package dev.burstgitops.cli;

/** Entry point of {@code burst-gitops}; the commands themselves are picocli classes in this package. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("burst-gitops: commands are being built");
    }
}

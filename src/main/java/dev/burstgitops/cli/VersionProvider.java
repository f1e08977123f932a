package dev.burstgitops.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest, so it is never out of step with the build. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"burst-gitops " + (version == null ? "(development build)" : version)};
    }
}

package dev.burstgitops.cli;

import dev.burstgitops.bundled.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The version and commit the build wrote into the jar, so they are never out of step with it. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[] {"burst-gitops " + build.version(), "commit " + build.commit()};
    }
}

package io.newswire.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (Implementation-Version), or "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        final String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"newswire " + (version == null ? "development" : version),
            "Java " + System.getProperty("java.version")};
    }
}

package dev.nebula.cli;

import picocli.CommandLine;

/** The version from the jar's manifest; a build from class files (an IDE) has none. */
final class NebulaVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Nebula.class.getPackage().getImplementationVersion();
        return new String[] {"nebula " + (version == null ? "(development build)" : version)};
    }
}

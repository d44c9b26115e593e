package dev.nebula.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h, --help} and {@code -V, --version} for a command whose picocli model is built in code
 * rather than from annotations. picocli's own {@code mixinStandardHelpOptions(true)} builds them
 * from an annotated class, which makes the JDK parse annotations and spin proxy classes for them
 * on every start (bench/RESULTS.md); these options have the same names, descriptions and
 * description keys, so help looks and behaves as with the mixin.
 */
final class StandardHelpOptions {

    private StandardHelpOptions() {
    }

    /** Adds both options to {@code spec} and returns it. */
    static CommandSpec addTo(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .type(boolean.class)
                .initialValue(false)
                .paramLabel("<helpRequested>")
                .descriptionKey("mixinStandardHelpOptions.help")
                .description("Show this help message and exit.")
                .build());
        spec.addOption(OptionSpec.builder("-V", "--version")
                .versionHelp(true)
                .type(boolean.class)
                .initialValue(false)
                .paramLabel("<versionRequested>")
                .descriptionKey("mixinStandardHelpOptions.version")
                .description("Print version information and exit.")
                .build());
        return spec;
    }
}

/**
 * The {@code nebula} command. An application, not a library: it exports nothing. picocli's one
 * source file is compiled into this module (package {@code picocli}; see cli/pom.xml), so its
 * reflection over the command classes stays inside the module and needs no {@code opens}.
 * {@code nebula run} names both engines (RunEngines, for start-up); the other commands find them
 * through the {@code ExecutionEngine} service. The {@code nebula} launcher runs the jars on the class path (for its CDS archive), where this
 * descriptor is not consulted; it holds for a module-path launch.
 */
module dev.nebula.cli {
    requires dev.nebula.aot;
    requires dev.nebula.interpreter;
    requires dev.nebula.conformance;
    requires dev.nebula.faas;
    requires com.fasterxml.jackson.databind;
    requires java.management;

    uses dev.nebula.runtime.spi.ExecutionEngine;
}

package dev.nebula.cli;

import dev.nebula.cli.experiment.ExperimentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The {@code nebula} command. Each subcommand prints results on stdout and problems on stderr,
 * one line each: bad input never shows a Java stack trace, and a bug in Nebula shows as
 * "internal error: ..." with exit code 70 (set NEBULA_DEBUG=1 to see its trace).
 */
@Command(name = "nebula",
        mixinStandardHelpOptions = true,
        versionProvider = NebulaVersion.class,
        description = "A WebAssembly runtime in pure Java: run modules (WASI preview1, .wasm or .wat), compile them ahead of time, validate, inspect, translate and print them, run the spec suite and the WASI testsuite, serve them as functions over HTTP, and measure them against containers.",
        subcommands = {RunCommand.class, CompileCommand.class, ValidateCommand.class, InspectCommand.class, Wat2WasmCommand.class, PrintCommand.class,
                SpecTestCommand.class, WasiTestsuiteCommand.class, ServeCommand.class,
                ExperimentCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:a module was malformed, invalid or unlinkable, or a spec command or WASI test failed",
                "2:usage error",
                "3:a file could not be read (or the WASI testsuite is missing), or a needed tool (wast2json) is missing",
                "70:internal error (a bug in Nebula)",
                "134:nebula run: the program trapped",
                "N:nebula run: the WASI program's own exit code"})
public final class Nebula implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        int exit;
        try {
            exit = commandLine().execute(args);
        } catch (Error e) {
            // picocli hands Exceptions to internalError but lets Errors (stack overflow, out of memory) through.
            System.err.println("internal error: " + e);
            exit = ExitCodes.INTERNAL;
        }
        System.exit(exit);
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Nebula());
        cli.setExecutionExceptionHandler(Nebula::internalError);
        // Every word after the module path belongs to the program, even "-x" or "--help".
        cli.getSubcommands().get("run").setStopAtPositional(true);
        return cli;
    }

    /** {@code nebula} alone is a usage error: say what the subcommands are. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nebula: missing subcommand");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    private static int internalError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        err.println("internal error: " + e);
        if (System.getenv("NEBULA_DEBUG") != null) e.printStackTrace(err);
        else err.println("(a bug in Nebula; set NEBULA_DEBUG=1 to print its stack trace)");
        err.flush();
        return ExitCodes.INTERNAL;
    }
}

package dev.nebula.cli;

import dev.nebula.cli.experiment.ExperimentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code nebula} command. Each subcommand prints results on stdout and problems on stderr,
 * one line each: bad input never shows a Java stack trace, and a bug in Nebula shows as
 * "internal error: ..." with exit code 70 (set NEBULA_DEBUG=1 to see its trace).
 *
 * <p>This command's picocli model and {@code run}'s are built in code ({@link #commandLine(String...)},
 * {@link RunCommand#commandSpec()}); the other subcommands are annotated classes. On the path of
 * {@code nebula run} picocli then reads no annotation at all, which saves the JDK's annotation
 * parsing and proxy classes, the largest part of its start-up (bench/RESULTS.md, round 3).
 */
public final class Nebula implements Callable<Integer> {

    /**
     * The subcommands, in the order {@code nebula --help} lists them. To add one, write a class
     * annotated {@code @Command(name = "NAME", ...)} and add {@code sub("NAME", TheClass.class)}
     * to this list on a line of its own; nothing else is needed (a test checks that the names
     * agree). They are not in {@code @Command(subcommands = ...)} because picocli would then
     * build every subcommand's model, by reflection, on every start: {@link #commandLine(String...)}
     * builds only the one the command line names, found here by name without reading annotations.
     */
    static final List<Subcommand> SUBCOMMANDS = List.of(
            sub("run", RunCommand.class),
            sub("compile", CompileCommand.class),
            sub("validate", ValidateCommand.class),
            sub("inspect", InspectCommand.class),
            sub("wat2wasm", Wat2WasmCommand.class),
            sub("print", PrintCommand.class),
            sub("spec", SpecTestCommand.class),
            sub("wasi-testsuite", WasiTestsuiteCommand.class),
            sub("serve", ServeCommand.class),
            sub("experiment", ExperimentCommand.class),
            sub("help", CommandLine.HelpCommand.class));

    /** A subcommand: the name the command line uses for it, and its class. */
    static final class Subcommand {
        final String name;
        final Class<?> type;

        private Subcommand(String name, Class<?> type) {
            this.name = name;
            this.type = type;
        }

        /** Its model: {@code run}'s is built in code, the others' by picocli from their annotations. */
        Object model() {
            return type == RunCommand.class ? RunCommand.commandSpec() : type;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Subcommand sub(String name, Class<?> type) {
        return new Subcommand(name, type);
    }

    private CommandSpec spec;

    private Nebula() {
    }

    static {
        // Start-up: picocli registers converters for java.sql and java.time types by reflection,
        // which loads and initialises those classes (MonthDay builds a date formatter) on every
        // start, ~7 ms. No option of nebula has such a type; java.time.Duration stays, as the one
        // an option might plausibly want. Set here rather than in main so that tests see the same.
        System.setProperty("picocli.converters.excludes", "java\\.sql\\..*|java\\.time\\.(?!Duration$).*");
        // picocli looks for Groovy's Closure class once, for closures in annotations; the failed
        // look-up opens every jar on the class path (~10 ms). Nebula is not written in Groovy.
        System.setProperty("picocli.disable.closures", "true");
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = commandLine(args).execute(args);
        } catch (Error e) {
            // picocli hands Exceptions to internalError but lets Errors (stack overflow, out of memory) through.
            System.err.println("internal error: " + e);
            exit = ExitCodes.INTERNAL;
        }
        System.exit(exit);
    }

    /** The configured command line with every subcommand; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        return configured(SUBCOMMANDS);
    }

    /**
     * The command line to execute {@code args} with: when {@code args} start with a subcommand's
     * name, only that subcommand is built, which behaves exactly as in {@link #commandLine()}
     * (a subcommand's parsing, help and errors never look at its siblings). Anything else (no
     * subcommand, a root option, {@code help}, an unknown word) gets every subcommand, since
     * the answer may list them.
     */
    public static CommandLine commandLine(String... args) {
        Subcommand named = args.length == 0 ? null : subcommandNamed(args[0]);
        boolean alone = named != null && named.type != CommandLine.HelpCommand.class;
        return configured(alone ? List.of(named) : SUBCOMMANDS);
    }

    private static CommandLine configured(List<Subcommand> subcommands) {
        CommandLine cli = new CommandLine(rootSpec());
        for (Subcommand subcommand : subcommands) cli.addSubcommand(subcommand.model());
        cli.setExecutionExceptionHandler(new InternalErrorHandler());
        return cli;
    }

    /** The model of {@code nebula} itself, built in code for the reason the class comment gives. */
    private static CommandSpec rootSpec() {
        Nebula command = new Nebula();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.name("nebula").versionProvider(new NebulaVersion());
        spec.usageMessage()
                .description("A WebAssembly runtime in pure Java: run modules (WASI preview1, .wasm or .wat), compile them ahead of time, validate, inspect, translate and print them, run the spec suite and the WASI testsuite, serve them as functions over HTTP, and measure them against containers.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(UsageMessageSpec.keyValuesMap(
                        "0:success",
                        "1:a module was malformed, invalid or unlinkable, or a spec command or WASI test failed",
                        "2:usage error",
                        "3:a file could not be read (or the WASI testsuite is missing), or a needed tool (wast2json) is missing",
                        "70:internal error (a bug in Nebula)",
                        "134:nebula run: the program trapped",
                        "N:nebula run: the WASI program's own exit code"));
        return StandardHelpOptions.addTo(spec);
    }

    /** The subcommand called {@code word}; null if none. */
    static Subcommand subcommandNamed(String word) {
        for (Subcommand subcommand : SUBCOMMANDS) {
            if (subcommand.name.equals(word)) return subcommand;
        }
        return null;
    }

    /** {@code nebula} alone is a usage error: say what the subcommands are. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nebula: missing subcommand");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * A bug shows as one "internal error" line and exit code 70. A class rather than a method
     * reference, whose call site would be linked through method handles at every start.
     */
    private static final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
            PrintWriter err = cli.getErr();
            err.println("internal error: " + e);
            if (System.getenv("NEBULA_DEBUG") != null) e.printStackTrace(err);
            else err.println("(a bug in Nebula; set NEBULA_DEBUG=1 to print its stack trace)");
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }
}

package dev.nebula.cli;

import dev.nebula.aot.AotCache;
import dev.nebula.cli.guest.ValueText;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Extern;
import dev.nebula.runtime.GuestThread;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.UnsupportedFeatureException;
import dev.nebula.runtime.ValueSlots;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.WasmModule;
import dev.nebula.wasi.Wasi;
import dev.nebula.wasi.WasiConfig;
import dev.nebula.wasm.InvalidModuleException;
import dev.nebula.wasm.MalformedModuleException;
import dev.nebula.wasm.ResourceLimitException;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import dev.nebula.wasm.UnlinkableException;
import dev.nebula.wasm.WasiExitException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code nebula run MODULE [ARGS...]}: runs a WASI command's {@code _start} with ARGS as its
 * arguments, or with {@code --invoke NAME} calls one export with ARGS parsed by its parameter
 * types and prints each result on its own line. Options go before MODULE; everything after it
 * belongs to the program, even words that start with a dash.
 *
 * <p>Guest code runs on a thread of its own with a large stack, so deep recursion reaches the
 * engine's call-depth limit and ends in a clean "call stack exhausted" trap. A trap prints
 * {@code trap: MESSAGE} and the Wasm stack on stderr and exits with 134, as wasmtime does.
 */
final class RunCommand implements Callable<Integer> {

    /** What wasmtime exits with on a trap (128 + SIGABRT), so scripts can treat both alike. */
    static final int TRAP = 134;

    /**
     * This command's picocli model, built in code rather than from annotations: reading
     * annotations makes the JDK parse them and spin a proxy class per annotation type, which cost
     * {@code nebula run} about a third of its start-up (bench/RESULTS.md, round 3). picocli
     * parses, converts, validates and prints help from this model exactly as from annotations;
     * {@link #call()} takes the values from it.
     */
    static CommandSpec commandSpec() {
        RunCommand command = new RunCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.name("run");
        spec.usageMessage()
                .description("Run a WebAssembly module: a WASI command's _start, or one export with --invoke.",
                        "Options come before MODULE; every word after MODULE goes to the program (or, with --invoke, to the function) as is.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(UsageMessageSpec.keyValuesMap(
                        "N:the program's exit code (0 when _start returns; --invoke: 0 after printing the results)",
                        "1:the module is malformed, invalid or cannot be linked, needs more than a resource limit allows, or uses what the engine does not support",
                        "2:usage error: unknown export, wrong number of arguments, a bad number, no _start",
                        "3:the module file could not be read",
                        "70:internal error",
                        "134:the program trapped (or ran past --timeout)"));
        // Every word after the module path belongs to the program, even "-x" or "--help".
        spec.parser().stopAtPositional(true);
        spec.addOption(option("--invoke", "NAME", String.class,
                "call this exported function instead of _start; ARGS are its arguments"
                        + " (i32/i64: decimal or 0x hex; f32/f64: decimal, 0x hex float, inf, -inf, nan;"
                        + " v128: one word, 'i32x4 1 2 3 4' or 0x and up to 32 hex digits)."
                        + " _initialize runs first when the module exports it").build());
        spec.addOption(option("--v128", "SHAPE", String.class,
                "with --invoke, print v128 results in the text format's SHAPE (i8x16, i16x8, i32x4, i64x2,"
                        + " f32x4, f64x2), e.g. 'i32x4 1 2 3 4', instead of 0x and 32 hex digits").build());
        spec.addOption(option("--engine", "ENGINE", String.class,
                "the execution engine: interp or aot (default: ${DEFAULT-VALUE})").defaultValue("interp").build());
        spec.addOption(option("--cache-dir", "DIR", Path.class,
                "with --engine aot: the compiled-code cache folder (default: $NEBULA_CACHE_DIR, else $XDG_CACHE_HOME/nebula/aot, else ~/.cache/nebula/aot)")
                .converters(new PathConverter()).build());
        spec.addOption(option("--no-cache", "<noCache>", boolean.class,
                "with --engine aot: compile in memory only, neither reading nor writing the cache").initialValue(false).build());
        spec.addOption(repeatable("--dir", "HOST[::GUEST]",
                "give the program the host folder HOST, read-write, under the name GUEST (default: HOST); repeatable"));
        spec.addOption(repeatable("--dir-ro", "HOST[::GUEST]",
                "like --dir, but the program may not change anything beneath it; repeatable"));
        spec.addOption(repeatable("--env", "NAME=VALUE",
                "set an environment variable of the program (none is inherited); repeatable"));
        spec.addOption(repeatable("--preload", "NAME=MODULE",
                "instantiate MODULE first and link its exports under the import module name NAME (as wasmtime's flag does); repeatable, in order"));
        spec.addOption(option("--timeout", "DURATION", String.class,
                "stop the program once DURATION has passed (500ms, 10s, 2m, 1h; a bare number is seconds):"
                        + " it traps with 'interrupted' and nebula exits with 134").build());
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("MODULE").type(Path.class)
                .converters(new PathConverter())
                .description("the WebAssembly module: binary (.wasm) or text (.wat)").build());
        spec.addPositional(PositionalParamSpec.builder().index("1..*").arity("0..1").paramLabel("ARGS")
                .type(List.class).auxiliaryTypes(String.class).initialValue(new ArrayList<String>())
                .description("the program's arguments (its argv[0] is MODULE's file name), or with --invoke the function's").build());
        StandardHelpOptions.addTo(spec);
        return spec;
    }

    private static OptionSpec.Builder option(String name, String label, Class<?> type, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).description(description);
    }

    private static OptionSpec repeatable(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).arity("1").type(List.class).auxiliaryTypes(String.class)
                .initialValue(new ArrayList<String>()).description(description).build();
    }

    private CommandSpec spec;
    private String invoke;
    private String v128Shape;
    private String engine;
    private Path cacheDir;
    private boolean noCache;
    private List<String> dirs;
    private List<String> readOnlyDirs;
    private List<String> env;
    private List<String> preloads;
    private String timeout;
    private Path module;
    private List<String> args;

    private RunCommand() {
    }

    /** The parsed command line, from the model into the fields the rest of this class reads. */
    private void takeArguments() {
        invoke = spec.findOption("--invoke").getValue();
        v128Shape = spec.findOption("--v128").getValue();
        engine = spec.findOption("--engine").getValue();
        cacheDir = spec.findOption("--cache-dir").getValue();
        noCache = spec.findOption("--no-cache").<Boolean>getValue();
        dirs = spec.findOption("--dir").getValue();
        readOnlyDirs = spec.findOption("--dir-ro").getValue();
        env = spec.findOption("--env").getValue();
        preloads = spec.findOption("--preload").getValue();
        timeout = spec.findOption("--timeout").getValue();
        module = spec.positionalParameters().get(0).getValue();
        args = spec.positionalParameters().get(1).getValue();
    }

    /** A usage problem found after parsing: a message and exit code 2. */
    private static final class UsageProblem extends RuntimeException {
        UsageProblem(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Integer call() throws Exception {
        takeArguments();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            EngineKind kind;
            try {
                kind = EngineKind.fromShortName(engine);
            } catch (IllegalArgumentException e) {
                throw new UsageProblem(e.getMessage());
            }
            Duration limit = timeLimit();
            WasiConfig config = wasiConfig();
            List<Preload> preloaded = new ArrayList<>();
            byte[] bytes;
            Path reading = module;
            try {
                for (String p : preloads) {
                    Preload preload = Preload.parse(p);
                    reading = preload.file();
                    preloaded.add(preload.withBytes(ModuleFiles.readModule(preload.file())));
                }
                reading = module;
                bytes = ModuleFiles.readModule(module);
            } catch (IOException e) {
                err.println("nebula run: " + e.getMessage());
                return ExitCodes.IO;
            } catch (dev.nebula.text.TextFormatException e) {
                err.println(reading + ": malformed: " + e.messageWithPosition());
                return ExitCodes.REJECTED;
            }
            if (kind == EngineKind.AOT && !noCache && System.getProperty(AotCache.DIRECTORY_PROPERTY) == null) {
                // compiled classes are kept, so the next start of the same module skips compiling
                System.setProperty(AotCache.DIRECTORY_PROPERTY, (cacheDir != null ? cacheDir : AotCache.defaultDirectory()).toString());
            }
            Engine wasmEngine = RunEngines.create(EngineConfig.defaults(kind));
            return GuestThread.callOnce("wasm-main", GuestThread.DEFAULT_STACK_BYTES,
                    new GuestRun(wasmEngine, preloaded, bytes, config, limit, out, err));
        } catch (UsageProblem e) {
            err.println("nebula run: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (StackOverflowError e) {
            err.println("nebula run: internal error: the JVM thread stack overflowed before the engine's call-depth limit was reached");
            return ExitCodes.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * {@link #runOnGuestThread} as the guest thread's task: a class rather than a lambda, whose
     * call site would be linked through method handles at every start.
     */
    private final class GuestRun implements Callable<Integer> {
        private final Engine wasmEngine;
        private final List<Preload> preloaded;
        private final byte[] bytes;
        private final WasiConfig config;
        private final Duration limit;
        private final PrintWriter out;
        private final PrintWriter err;

        GuestRun(Engine wasmEngine, List<Preload> preloaded, byte[] bytes, WasiConfig config, Duration limit, PrintWriter out, PrintWriter err) {
            this.wasmEngine = wasmEngine;
            this.preloaded = preloaded;
            this.bytes = bytes;
            this.config = config;
            this.limit = limit;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            return runOnGuestThread(wasmEngine, preloaded, bytes, config, limit, out, err);
        }
    }

    /** A {@code --preload NAME=MODULE}: the import module name, the file, and, once read, its binary. */
    private record Preload(String name, Path file, byte[] bytes) {
        static Preload parse(String option) {
            int eq = option.indexOf('=');
            if (eq <= 0 || eq == option.length() - 1) {
                throw new UsageProblem("--preload wants NAME=MODULE, got \"" + option + "\"");
            }
            return new Preload(option.substring(0, eq), Path.of(option.substring(eq + 1)), null);
        }

        Preload withBytes(byte[] b) {
            return new Preload(name, file, b);
        }
    }

    private Duration timeLimit() {
        if (timeout == null) return null;
        try {
            return DurationText.parse(timeout);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("--timeout: " + e.getMessage());
        }
    }

    private int runOnGuestThread(Engine wasmEngine, List<Preload> preloaded, byte[] bytes, WasiConfig config, Duration limit, PrintWriter out, PrintWriter err) {
        WasmModule compiled;
        List<WasmModule> preloadModules = new ArrayList<>();
        Path compiling = module;
        try {
            for (Preload p : preloaded) {
                compiling = p.file();
                preloadModules.add(wasmEngine.compile(p.bytes()));
            }
            compiling = module;
            compiled = wasmEngine.compile(bytes);
        } catch (MalformedModuleException e) {
            err.println(compiling + ": malformed: " + e.getMessage());
            return ExitCodes.REJECTED;
        } catch (InvalidModuleException e) {
            err.println(compiling + ": invalid: " + e.getMessage());
            return ExitCodes.REJECTED;
        }
        Wasi created;
        try {
            created = new Wasi(config);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UsageProblem(e.getMessage());
        }
        try (Wasi wasi = created) {
            try {
                Linker linker = wasi.define(new Linker());
                Store store = new Store(wasmEngine);
                Instance instance;
                // Set before instantiating: a start function is guest code too.
                if (limit != null) store.setDeadline(limit);
                Path linking = module;
                try {
                    // Each preloaded module may import WASI and the modules preloaded before it.
                    for (int i = 0; i < preloaded.size(); i++) {
                        linking = preloaded.get(i).file();
                        linker.defineInstance(preloaded.get(i).name(), linker.instantiate(store, preloadModules.get(i)));
                    }
                    linking = module;
                    instance = linker.instantiate(store, compiled);
                } catch (UnlinkableException e) {
                    err.println(linking + ": unlinkable: " + e.getMessage());
                    return ExitCodes.REJECTED;
                } catch (ResourceLimitException e) {
                    err.println(linking + ": " + e.getMessage());
                    return ExitCodes.REJECTED;
                }
                if (invoke == null) {
                    if (!(instance.exports().get("_start") instanceof WasmFunction)) {
                        throw new UsageProblem(module + " exports no _start function; call one of its functions with --invoke NAME"
                                + exportedFunctions(instance));
                    }
                    return wasi.run(instance);
                }
                return invoke(instance, wasi, out);
            } catch (WasiExitException e) {
                return e.exitCode();
            } catch (TrapException e) {
                wasi.flush();
                printTrap(e, err);
                if (e.kind() == TrapKind.INTERRUPTED && limit != null) err.println("(the --timeout of " + timeout + " passed)");
                return TRAP;
            } catch (UnsupportedFeatureException e) {
                // An engine's documented gap (the interpreter does not execute SIMD), not a bug.
                wasi.flush();
                err.println(module + ": unsupported: " + e.getMessage());
                return ExitCodes.REJECTED;
            } finally {
                wasi.flush();
            }
        }
    }

    /** Calls {@code --invoke}'s function, after {@code _initialize}, and prints its results. */
    private int invoke(Instance instance, Wasi wasi, PrintWriter out) {
        Extern export = instance.exports().get(invoke);
        if (export == null) {
            throw new UsageProblem(module + " has no export named \"" + invoke + "\"" + exportedFunctions(instance));
        }
        if (!(export instanceof WasmFunction function)) {
            String kind = export.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            throw new UsageProblem("export \"" + invoke + "\" of " + module + " is a " + kind + ", not a function" + exportedFunctions(instance));
        }
        List<ValType> params = function.type().params();
        if (args.size() != params.size()) {
            throw new UsageProblem(invoke + " takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
                    + " " + describeTypes(params) + ", got " + args.size());
        }
        if (v128Shape != null) {
            try {
                ValueText.formatV128(0, 0, v128Shape);
            } catch (IllegalArgumentException e) {
                throw new UsageProblem("--v128: " + e.getMessage());
            }
        }
        long[] values = new long[ValueSlots.count(params)];
        int slot = 0;
        for (int i = 0; i < params.size(); i++) {
            try {
                if (params.get(i) == ValType.V128) {
                    // A v128 crosses the API as two longs, low half first.
                    long[] halves = ValueText.parseV128(args.get(i));
                    values[slot++] = halves[0];
                    values[slot++] = halves[1];
                } else {
                    values[slot++] = ValueText.parse(params.get(i), args.get(i));
                }
            } catch (IllegalArgumentException e) {
                throw new UsageProblem("argument " + (i + 1) + " of " + invoke + ": " + e.getMessage());
            }
        }
        if (instance.exports().get("_initialize") instanceof WasmFunction initialize && !invoke.equals("_initialize")) {
            initialize.call();
        }
        long[] results = function.call(values);
        wasi.flush();
        List<ValType> types = function.type().results();
        int at = 0;
        for (ValType type : types) {
            if (type == ValType.V128) {
                out.println(v128Shape == null ? ValueText.formatV128(results[at], results[at + 1])
                        : ValueText.formatV128(results[at], results[at + 1], v128Shape));
                at += 2;
            } else {
                out.println(ValueText.format(type, results[at++]));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Frames printed for a trap; a runaway recursion would otherwise print thousands of the same line. */
    static final int MAX_FRAMES_SHOWN = 30;
    private static final java.util.regex.Pattern MORE_FRAMES = java.util.regex.Pattern.compile("\\.\\.\\. (\\d+) more frames");

    /** {@code trap: MESSAGE}, then the Wasm frames innermost first, one per line, on stderr. */
    static void printTrap(TrapException trap, PrintWriter err) {
        err.println("trap: " + trap.getMessage());
        List<String> stack = trap.wasmStack();
        if (!stack.isEmpty()) {
            err.println("wasm stack (innermost first):");
            int shown = Math.min(stack.size(), MAX_FRAMES_SHOWN);
            for (int i = 0; i < shown; i++) {
                String frame = stack.get(i);
                // An engine that cuts its trace short says so in a last entry "... N more frames".
                err.println(frame.startsWith("...") ? "  " + frame : "  " + i + ": " + frame);
            }
            if (shown < stack.size()) {
                long hidden = stack.size() - shown;
                var engineNote = MORE_FRAMES.matcher(stack.get(stack.size() - 1));
                if (engineNote.matches()) hidden += Long.parseLong(engineNote.group(1)) - 1;
                err.println("  ... " + hidden + " more frames");
            }
        }
        err.flush();
    }

    private WasiConfig wasiConfig() {
        WasiConfig.Builder builder = WasiConfig.builder().inheritStdio();
        List<String> argv = new ArrayList<>();
        argv.add(module.getFileName() == null ? module.toString() : module.getFileName().toString());
        if (invoke == null) argv.addAll(args);
        builder.args(argv);
        for (String variable : env) {
            int eq = variable.indexOf('=');
            if (eq <= 0) throw new UsageProblem("--env expects NAME=VALUE, got \"" + variable + "\"");
            try {
                builder.env(variable.substring(0, eq), variable.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new UsageProblem("--env " + variable + ": " + e.getMessage());
            }
        }
        for (String dir : dirs) preopen(builder, dir, false);
        for (String dir : readOnlyDirs) preopen(builder, dir, true);
        return builder.build();
    }

    private static void preopen(WasiConfig.Builder builder, String spec, boolean readOnly) {
        String option = readOnly ? "--dir-ro" : "--dir";
        int split = spec.indexOf("::");
        String host = split < 0 ? spec : spec.substring(0, split);
        String guest = split < 0 ? spec : spec.substring(split + 2);
        if (host.isEmpty() || guest.isEmpty()) throw new UsageProblem(option + " expects HOST[::GUEST], got \"" + spec + "\"");
        Path hostPath = Path.of(host);
        if (!Files.isDirectory(hostPath)) throw new UsageProblem(option + " " + spec + ": " + host + " is not a folder");
        try {
            builder.preopen(hostPath, guest, readOnly);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UsageProblem(option + " " + spec + ": " + e.getMessage());
        }
    }

    private static String exportedFunctions(Instance instance) {
        String names = instance.exports().entrySet().stream()
                .filter(e -> e.getValue() instanceof WasmFunction)
                .map(e -> e.getKey() + describeTypes(((WasmFunction) e.getValue()).type().params()))
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? " (it exports no functions)" : " (exported functions: " + names + ")";
    }

    private static String describeTypes(List<ValType> types) {
        return "(" + types.stream().map(ValType::toString).collect(Collectors.joining(" ")) + ")";
    }
}

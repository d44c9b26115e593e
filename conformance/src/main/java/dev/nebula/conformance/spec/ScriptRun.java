package dev.nebula.conformance.spec;

import dev.nebula.conformance.skip.SkipList;
import dev.nebula.conformance.skip.SkipReason;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.Extern;
import dev.nebula.runtime.Global;
import dev.nebula.runtime.GuestThread;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.ValueSlots;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.WasmModule;
import dev.nebula.validator.ModuleValidator;
import dev.nebula.wasm.InvalidModuleException;
import dev.nebula.wasm.MalformedModuleException;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import dev.nebula.wasm.UnlinkableException;
import dev.nebula.wasm.WasiExitException;
import dev.nebula.wasm.WasmException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * One pass over one script on one engine. Commands must run in order because a script is a
 * program: later commands act on the instances that earlier ones created, which this run keeps,
 * together with its own {@link Store}, {@link Linker} and {@link SpectestHost spectest} module.
 *
 * <p>Every command kind runs: {@code module} (decode, validate, compile, instantiate),
 * {@code register}, {@code action}, {@code assert_return} (exact bits, NaN patterns, references),
 * {@code assert_trap} and {@code assert_exhaustion} (by {@link TrapKind}, never by substring),
 * {@code assert_malformed}, {@code assert_invalid}, {@code assert_unlinkable} and
 * {@code assert_uninstantiable}. A module that fails unexpectedly fails every later command
 * that uses it. Guest code runs on a {@link GuestThread} with a large stack; a command that does
 * not finish within {@link #COMMAND_TIMEOUT_MILLIS} fails, and so does the rest of the script.
 */
public final class ScriptRun implements AutoCloseable {

    /** A spec command runs in milliseconds; two minutes means the engine is stuck. */
    public static final long COMMAND_TIMEOUT_MILLIS = 120_000;

    /** An instance a {@code module} command defined, or why it could not. */
    private record Defined(int line, Instance instance, String failure) {
    }

    /** A command cannot be carried out as written (no such module or export, bad arguments). */
    private static final class CommandProblem extends RuntimeException {
        CommandProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** What an action produced: the result types and values. */
    private record Outcome(List<ValType> types, long[] values) {
    }

    private final LoadedScript script;
    private final SkipList<SpecSkipRules.Subject> skips;
    private final Engine engine;
    private final GuestThread guest;
    private Store store;
    private Linker linker = new Linker();
    private final Map<String, Defined> named = new HashMap<>();
    private final Map<Long, SpecValues.HostRef> hostRefs = new HashMap<>();
    private Defined latest;
    private String abandoned;

    /** For each action command, the module file its instance comes from: what skip facts look at. */
    private final Map<ScriptCommand, String> targetFiles = new IdentityHashMap<>();
    private final Map<String, Optional<DecodedModule>> decoded = new HashMap<>();

    ScriptRun(LoadedScript script, SkipList<SpecSkipRules.Subject> skips, Engine engine) {
        this.script = script;
        this.skips = skips;
        this.engine = engine;
        this.store = new Store(engine);
        this.guest = new GuestThread("wasm-" + script.name(), GuestThread.DEFAULT_STACK_BYTES);
        SpectestHost.define(linker, store, null);
        resolveTargets();
    }

    public LoadedScript script() {
        return script;
    }

    public List<ScriptCommand> commands() {
        return script.script().commands();
    }

    /** The engine's short name, as skip rules and reports use it. */
    public String engineName() {
        return engine.config().engine().shortName();
    }

    /** Why {@code command} will be skipped, or empty when {@link #run} will execute it. */
    public Optional<SkipReason> skipReason(ScriptCommand command) {
        return skips.reasonFor(engineName(), new SpecSkipRules.Subject(script.name(), command, () -> touchesV128(command)));
    }

    /** Runs every command in order, then {@link #close() closes} the run. */
    public List<CommandResult> runAll() {
        List<CommandResult> results = new ArrayList<>(commands().size());
        for (ScriptCommand command : commands()) results.add(run(command));
        close();
        return results;
    }

    /**
     * Lets go of the store and every instance, memory and table in it, so that a caller that
     * keeps many runs (a test tree keeps one per script) does not keep all their memories.
     * Commands run after this fail.
     */
    @Override
    public void close() {
        if (store == null) return;
        store = null;
        linker = null;
        named.clear();
        latest = null;
        hostRefs.clear();
        decoded.clear();
        if (abandoned == null) abandoned = "not run: the script run was closed";
    }

    /**
     * Runs one command on the guest thread, or reports it skipped. Never throws for a bad module,
     * an engine bug or a harness bug: anything unexpected becomes a failed result naming it.
     */
    public CommandResult run(ScriptCommand command) {
        Optional<SkipReason> skip = skipReason(command);
        if (skip.isPresent()) return CommandResult.skipped(command, skip.get());
        if (abandoned != null) return CommandResult.failed(command, abandoned);
        try {
            return guest.call(() -> execute(command), COMMAND_TIMEOUT_MILLIS);
        } catch (TimeoutException e) {
            abandoned = "not run: the command at line " + command.line() + " did not finish";
            return CommandResult.failed(command, "did not finish within " + COMMAND_TIMEOUT_MILLIS / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandResult.failed(command, "interrupted");
        } catch (ExecutionException | RuntimeException | Error e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return CommandResult.failed(command, "internal error: " + cause);
        }
    }

    /** On the guest thread. */
    private CommandResult execute(ScriptCommand command) {
        try {
            if (command instanceof ScriptCommand.ModuleCommand module) return defineModule(module);
            if (command instanceof ScriptCommand.Register register) return register(register);
            if (command instanceof ScriptCommand.ActionCommand action) return action(action);
            if (command instanceof ScriptCommand.AssertReturn assertReturn) return assertReturn(assertReturn);
            if (command instanceof ScriptCommand.AssertTrap trap) return assertTrap(trap, trap.text());
            if (command instanceof ScriptCommand.AssertExhaustion exhaustion) return assertTrap(exhaustion, exhaustion.text());
            if (command instanceof ScriptCommand.AssertMalformed malformed) return expectMalformed(malformed);
            if (command instanceof ScriptCommand.AssertInvalid invalid) return expectInvalid(invalid);
            if (command instanceof ScriptCommand.AssertUnlinkable unlinkable) return expectUnlinkable(unlinkable);
            if (command instanceof ScriptCommand.AssertUninstantiable uninstantiable) return expectUninstantiable(uninstantiable);
            return CommandResult.failed(command, "the harness does not know the command kind \"" + command.kind() + "\"");
        } catch (IOException e) {
            return CommandResult.failed(command, "cannot read module file: " + describeIo(e));
        } catch (CommandProblem e) {
            return CommandResult.failed(command, e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return CommandResult.failed(command, describeThrown(e));
        }
    }

    // ---- modules ----

    private CommandResult defineModule(ScriptCommand.ModuleCommand command) {
        Defined defined;
        String failure = null;
        Instance instance = null;
        try {
            WasmModule module = engine.compile(readModule(command.filename()));
            instance = linker.instantiate(store, module);
        } catch (MalformedModuleException e) {
            failure = "expected a valid module, got malformed: " + e.getMessage();
        } catch (InvalidModuleException e) {
            failure = "expected a valid module, got invalid: " + e.getMessage();
        } catch (IOException e) {
            failure = "cannot read module file: " + describeIo(e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            failure = "expected the module to instantiate, got " + describeThrown(e);
        }
        defined = new Defined(command.line(), instance, failure);
        latest = defined;
        if (command.name() != null) named.put(command.name(), defined);
        return failure == null ? CommandResult.passed(command) : CommandResult.failed(command, failure);
    }

    private CommandResult register(ScriptCommand.Register command) {
        Instance instance = instance(command.name());
        linker.defineInstance(command.as(), instance);
        return CommandResult.passed(command);
    }

    /** Only the decoder may reject: a module that decodes but fails validation is the wrong outcome. */
    private CommandResult expectMalformed(ScriptCommand.AssertMalformed command) throws IOException {
        DecodedModule module;
        try {
            module = ModuleDecoder.decode(readModule(command.filename()));
        } catch (MalformedModuleException e) {
            return CommandResult.rejected(command, new CommandResult.Rejection(command.text(), e.specMessage()));
        }
        String expected = "expected malformed \"" + command.text() + "\", got ";
        try {
            ModuleValidator.validate(module);
        } catch (InvalidModuleException e) {
            return CommandResult.failed(command, expected + "a module that decodes (then invalid: " + e.getMessage() + ")");
        }
        return CommandResult.failed(command, expected + "a valid module");
    }

    private CommandResult expectInvalid(ScriptCommand.AssertInvalid command) throws IOException {
        String expected = "expected invalid \"" + command.text() + "\", got ";
        DecodedModule module;
        try {
            module = ModuleDecoder.decode(readModule(command.filename()));
        } catch (MalformedModuleException e) {
            return CommandResult.failed(command, expected + "malformed: " + e.getMessage());
        }
        try {
            ModuleValidator.validate(module);
        } catch (InvalidModuleException e) {
            return CommandResult.rejected(command, new CommandResult.Rejection(command.text(), e.specMessage()));
        }
        return CommandResult.failed(command, expected + "a valid module");
    }

    /** The module must be valid, and linking it against what is defined so far must fail. */
    private CommandResult expectUnlinkable(ScriptCommand.AssertUnlinkable command) throws IOException {
        String expected = "expected unlinkable \"" + command.text() + "\", got ";
        WasmModule module = compileForAssertion(command, expected);
        try {
            linker.instantiate(store, module);
        } catch (UnlinkableException e) {
            return CommandResult.rejected(command, new CommandResult.Rejection(command.text(), e.specMessage()));
        } catch (TrapException e) {
            return CommandResult.failed(command, expected + "a module that links, then trap: " + e.getMessage());
        }
        return CommandResult.failed(command, expected + "an instance");
    }

    /** The module must link, and instantiating it must trap (in a segment or the start function). */
    private CommandResult expectUninstantiable(ScriptCommand.AssertUninstantiable command) throws IOException {
        String expected = "expected uninstantiable \"" + command.text() + "\", got ";
        TrapKind kind = trapKind(command.text());
        WasmModule module = compileForAssertion(command, expected);
        try {
            linker.instantiate(store, module);
        } catch (TrapException e) {
            if (e.kind() != kind) return CommandResult.failed(command, expected + "trap: " + e.getMessage());
            return CommandResult.rejected(command, new CommandResult.Rejection(command.text(), e.specMessage()));
        } catch (UnlinkableException e) {
            return CommandResult.failed(command, expected + "unlinkable: " + e.getMessage());
        }
        return CommandResult.failed(command, expected + "an instance");
    }

    private WasmModule compileForAssertion(ScriptCommand.ModuleAssertion command, String expected) throws IOException {
        try {
            return engine.compile(readModule(command.filename()));
        } catch (MalformedModuleException e) {
            throw new CommandProblem(expected + "malformed: " + e.getMessage());
        } catch (InvalidModuleException e) {
            throw new CommandProblem(expected + "invalid: " + e.getMessage());
        }
    }

    // ---- actions ----

    private CommandResult action(ScriptCommand.ActionCommand command) {
        try {
            perform(command.action());
        } catch (WasmException | StackOverflowError e) {
            return CommandResult.failed(command, "expected the action to complete, got " + describeThrown(e));
        }
        return callDepthCheck(command, CommandResult.passed(command));
    }

    private CommandResult assertReturn(ScriptCommand.AssertReturn command) {
        String expected = "expected " + listOf(command.expected()) + ", got ";
        Outcome outcome;
        try {
            outcome = perform(command.action());
        } catch (WasmException | StackOverflowError e) {
            return CommandResult.failed(command, expected + describeThrown(e));
        }
        boolean same = outcome.types().size() == command.expected().size();
        long[] values = outcome.values();
        int slot = 0;
        for (int i = 0; same && i < outcome.types().size(); i++) {
            ValType type = outcome.types().get(i);
            SpecValue want = command.expected().get(i);
            if (type == ValType.V128) {
                same = SpecValues.matchesV128(want, values[slot], values[slot + 1]);
                slot += 2;
            } else {
                same = SpecValues.matches(want, type, values[slot++], store, this::hostRef);
            }
        }
        CommandResult result = same ? CommandResult.passed(command) : CommandResult.failed(command, expected + describe(outcome, command.expected()));
        return callDepthCheck(command, result);
    }

    /** assert_trap and assert_exhaustion: the action must trap with the kind the suite's text names. */
    private CommandResult assertTrap(ScriptCommand.ActionAssertion command, String text) {
        TrapKind kind = trapKind(text);
        String expected = "expected trap \"" + text + "\", got ";
        Outcome outcome;
        try {
            outcome = perform(command.action());
        } catch (TrapException e) {
            CommandResult result = e.kind() == kind ? CommandResult.passed(command) : CommandResult.failed(command, expected + "trap: " + e.getMessage());
            return callDepthCheck(command, result);
        } catch (WasmException | StackOverflowError e) {
            return CommandResult.failed(command, expected + describeThrown(e));
        }
        return callDepthCheck(command, CommandResult.failed(command, expected + describe(outcome, List.of())));
    }

    /**
     * Engines count calls in the store ({@link Store#enterCall()}); once an outermost call is over,
     * trap or not, the count must be back to zero, or later calls would exhaust the stack early.
     */
    private CommandResult callDepthCheck(ScriptCommand command, CommandResult result) {
        int depth = store.callDepth();
        if (depth == 0 || result.failed()) return result;
        return CommandResult.failed(command, "the store's call depth is " + depth + " after the call returned (engine bug: enterCall/exitCall unbalanced)");
    }

    private Outcome perform(Action action) {
        Instance instance = instance(action.module());
        Extern export = instance.exports().get(action.field());
        if (export == null) throw new CommandProblem("the instance has no export \"" + action.field() + "\"");
        if (action instanceof Action.Get) {
            if (!(export instanceof Global global)) throw new CommandProblem("export \"" + action.field() + "\" is not a global");
            ValType type = global.type().valType();
            long[] value = type == ValType.V128 ? new long[]{global.get(), global.getHigh()} : new long[]{global.get()};
            return new Outcome(List.of(type), value);
        }
        if (!(export instanceof WasmFunction function)) throw new CommandProblem("export \"" + action.field() + "\" is not a function");
        List<SpecValue> args = ((Action.Invoke) action).args();
        List<ValType> params = function.type().params();
        if (args.size() != params.size()) {
            throw new CommandProblem("\"" + action.field() + "\" takes " + params.size() + " arguments, the script passes " + args.size());
        }
        long[] values = new long[ValueSlots.count(params)];
        int slot = 0;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).type() != params.get(i)) {
                throw new CommandProblem("argument " + i + " is " + args.get(i).type() + ", \"" + action.field() + "\" takes " + params.get(i));
            }
            if (args.get(i) instanceof SpecValue.Vector v) {
                // A v128 crosses the embedding API as two longs, low half first.
                long[] halves = v.halves();
                values[slot++] = halves[0];
                values[slot++] = halves[1];
                continue;
            }
            try {
                values[slot++] = SpecValues.argument(args.get(i), store, this::hostRef);
            } catch (IllegalArgumentException e) {
                throw new CommandProblem("argument " + i + ": " + e.getMessage());
            }
        }
        return new Outcome(function.type().results(), function.call(values));
    }

    /** The instance named {@code name}, or the latest when null; a module that failed fails its users. */
    private Instance instance(String name) {
        Defined defined = name == null ? latest : named.get(name);
        if (defined == null) {
            throw new CommandProblem(name == null ? "no module has been defined yet" : "no module named " + name);
        }
        if (defined.failure() != null) {
            throw new CommandProblem("the module of line " + defined.line() + " failed: " + defined.failure());
        }
        return defined.instance();
    }

    private SpecValues.HostRef hostRef(long id) {
        return hostRefs.computeIfAbsent(id, SpecValues.HostRef::new);
    }

    /** The trap kind whose spec text starts the suite's text ("uninitialized element 2" is "uninitialized element"). */
    static TrapKind trapKind(String text) {
        TrapKind best = null;
        for (TrapKind k : TrapKind.values()) {
            if (text != null && text.startsWith(k.message()) && (best == null || k.message().length() > best.message().length())) best = k;
        }
        if (best == null) throw new CommandProblem("the suite's trap text \"" + text + "\" names no trap kind Nebula knows");
        return best;
    }

    // ---- skip facts ----

    /** Works out, without running anything, which module file each action's instance comes from. */
    private void resolveTargets() {
        String latestFile = null;
        Map<String, String> namedFiles = new HashMap<>();
        for (ScriptCommand command : commands()) {
            if (command instanceof ScriptCommand.ModuleCommand module) {
                latestFile = module.filename();
                if (module.name() != null) namedFiles.put(module.name(), module.filename());
            } else if (command instanceof ScriptCommand.ActionAssertion assertion) {
                String module = assertion.action().module();
                String file = module == null ? latestFile : namedFiles.get(module);
                if (file != null) targetFiles.put(command, file);
            }
        }
    }

    private boolean touchesV128(ScriptCommand command) {
        if (!(command instanceof ScriptCommand.ActionAssertion assertion)) return false;
        String file = targetFiles.get(command);
        if (file == null) return false;
        Optional<DecodedModule> module = decoded.computeIfAbsent(file, f -> {
            try {
                return Optional.of(ModuleDecoder.decode(readModule(f)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
        return module.isPresent() && V128Usage.touches(module.get(), assertion.action());
    }

    // ---- text ----

    /** The actual values; a v128 in the lane shape its expectation used, if there is one. */
    private String describe(Outcome outcome, List<SpecValue> expected) {
        List<String> parts = new ArrayList<>();
        long[] values = outcome.values();
        int slot = 0;
        for (int i = 0; i < outcome.types().size() && slot < values.length; i++) {
            ValType type = outcome.types().get(i);
            if (type == ValType.V128 && slot + 1 < values.length) {
                LaneType shape = i < expected.size() && expected.get(i) instanceof SpecValue.Vector v ? v.laneType() : null;
                parts.add(SpecValues.describeV128(values[slot], values[slot + 1], shape));
                slot += 2;
            } else {
                parts.add(SpecValues.describe(type, values[slot++], store));
            }
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String listOf(List<SpecValue> values) {
        return "[" + values.stream().map(SpecValue::toString).collect(Collectors.joining(", ")) + "]";
    }

    /** What was thrown, as a failure report names it: the outcome class, then the message. */
    private static String describeThrown(Throwable e) {
        if (e instanceof TrapException t) return "trap: " + t.getMessage();
        if (e instanceof UnlinkableException u) return "unlinkable: " + u.getMessage();
        if (e instanceof MalformedModuleException m) return "malformed: " + m.getMessage();
        if (e instanceof InvalidModuleException i) return "invalid: " + i.getMessage();
        if (e instanceof WasiExitException x) return "WASI exit " + x.exitCode();
        if (e instanceof StackOverflowError) return "a JVM stack overflow (the engine's call-depth limit did not stop the recursion)";
        if (e instanceof OutOfMemoryError) return "out of Java heap: " + e.getMessage();
        return "internal error: " + e;
    }

    private byte[] readModule(String filename) throws IOException {
        if (filename == null) throw new IOException("the command names no module file");
        return script.readModule(filename);
    }

    private static String describeIo(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file " + e.getMessage();
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}

package dev.nebula.cli.spec;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.validator.ModuleValidator;
import dev.nebula.validator.ValidatedModule;
import dev.nebula.wasm.InvalidModuleException;
import dev.nebula.wasm.MalformedModuleException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass over one script. Commands must be run in order because a script is a program: later
 * commands act on the modules that earlier ones defined, which this run remembers.
 *
 * <p>Today it runs the commands that need only the decoder and validator: {@code module},
 * binary {@code assert_malformed} and {@code assert_invalid}. A command that is neither skipped
 * by the {@link SkipList} nor runnable fails, so a gap in the list cannot pass silently.
 */
public final class ScriptRun {

    private final LoadedScript script;
    private final SkipList skips;
    private final Map<String, ValidatedModule> modulesByName = new HashMap<>();
    private ValidatedModule latestModule;

    ScriptRun(LoadedScript script, SkipList skips) {
        this.script = script;
        this.skips = skips;
    }

    public LoadedScript script() {
        return script;
    }

    public List<ScriptCommand> commands() {
        return script.script().commands();
    }

    /** Why {@code command} will be skipped, or empty when {@link #run} will execute it. */
    public Optional<SkipReason> skipReason(ScriptCommand command) {
        return skips.reasonFor(script.name(), command);
    }

    /** Runs every command in order. */
    public List<CommandResult> runAll() {
        List<CommandResult> results = new ArrayList<>(commands().size());
        for (ScriptCommand command : commands()) results.add(run(command));
        return results;
    }

    /**
     * Runs one command, or reports it skipped. Never throws for a bad module or a harness bug in
     * Nebula: any unexpected exception becomes a failed result naming it.
     */
    public CommandResult run(ScriptCommand command) {
        Optional<SkipReason> skip = skipReason(command);
        if (skip.isPresent()) return CommandResult.skipped(command, skip.get());
        try {
            if (command instanceof ScriptCommand.ModuleCommand module) return defineModule(module);
            if (command instanceof ScriptCommand.AssertMalformed malformed && malformed.moduleType() == ModuleType.BINARY) {
                return expectMalformed(malformed);
            }
            if (command instanceof ScriptCommand.AssertInvalid invalid && invalid.moduleType() == ModuleType.BINARY) {
                return expectInvalid(invalid);
            }
            return CommandResult.failed(command, "the harness cannot run this command yet and the skip list does not name it");
        } catch (IOException e) {
            return CommandResult.failed(command, "cannot read module file: " + describeIo(e));
        } catch (RuntimeException | StackOverflowError e) {
            return CommandResult.failed(command, "internal error: " + e);
        }
    }

    private CommandResult defineModule(ScriptCommand.ModuleCommand command) throws IOException {
        DecodedModule decoded;
        try {
            decoded = ModuleDecoder.decode(readModule(command.filename()));
        } catch (MalformedModuleException e) {
            return CommandResult.failed(command, "expected a valid module, got malformed: " + e.getMessage());
        }
        ValidatedModule validated;
        try {
            validated = ModuleValidator.validate(decoded);
        } catch (InvalidModuleException e) {
            return CommandResult.failed(command, "expected a valid module, got invalid: " + e.getMessage());
        }
        latestModule = validated;
        if (command.name() != null) modulesByName.put(command.name(), validated);
        return CommandResult.passed(command);
    }

    /** Only the decoder may reject: a module that decodes but fails validation is the wrong outcome. */
    private CommandResult expectMalformed(ScriptCommand.AssertMalformed command) throws IOException {
        DecodedModule decoded;
        try {
            decoded = ModuleDecoder.decode(readModule(command.filename()));
        } catch (MalformedModuleException e) {
            return CommandResult.rejected(command, new CommandResult.Rejection(command.text(), e.specMessage()));
        }
        String expected = "expected malformed \"" + command.text() + "\", got ";
        try {
            ModuleValidator.validate(decoded);
        } catch (InvalidModuleException e) {
            return CommandResult.failed(command, expected + "a module that decodes (then invalid: " + e.getMessage() + ")");
        }
        return CommandResult.failed(command, expected + "a valid module");
    }

    private CommandResult expectInvalid(ScriptCommand.AssertInvalid command) throws IOException {
        String expected = "expected invalid \"" + command.text() + "\", got ";
        DecodedModule decoded;
        try {
            decoded = ModuleDecoder.decode(readModule(command.filename()));
        } catch (MalformedModuleException e) {
            return CommandResult.failed(command, expected + "malformed: " + e.getMessage());
        }
        try {
            ModuleValidator.validate(decoded);
        } catch (InvalidModuleException e) {
            return CommandResult.rejected(command, new CommandResult.Rejection(command.text(), e.specMessage()));
        }
        return CommandResult.failed(command, expected + "a valid module");
    }

    private byte[] readModule(String filename) throws IOException {
        if (filename == null) throw new IOException("the command names no module file");
        return Files.readAllBytes(script.directory().resolve(filename));
    }

    private static String describeIo(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file " + e.getMessage();
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The module the latest {@code module} command defined, or null; the runtime will instantiate it. */
    ValidatedModule latestModule() {
        return latestModule;
    }

    /** A module a {@code module $name} command defined, or null. */
    ValidatedModule module(String name) {
        return modulesByName.get(name);
    }
}

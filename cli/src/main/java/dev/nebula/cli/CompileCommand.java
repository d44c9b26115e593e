package dev.nebula.cli;

import dev.nebula.aot.AotCache;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.runtime.UnsupportedFeatureException;
import dev.nebula.validator.ModuleValidator;
import dev.nebula.wasm.InvalidModuleException;
import dev.nebula.wasm.MalformedModuleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code nebula compile MODULE...}: compiles each module with the AOT engine into the compiled-code
 * cache, so that a later {@code nebula run --engine aot} of the same module starts without
 * compiling. One line per file.
 */
@Command(name = "compile",
        mixinStandardHelpOptions = true,
        description = {"Compile WebAssembly modules ahead of time into the cache that 'nebula run --engine aot' uses.",
                "Prints one line per file: FILE: compiled|cached|rebuilt -> CACHE-FILE (MS ms), or the reason it failed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every module is compiled and cached", "1:some module is malformed, invalid or unsupported",
                "2:usage error", "3:some file could not be read", "70:internal error"})
final class CompileCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "the cache folder (default: $NEBULA_CACHE_DIR, else $XDG_CACHE_HOME/nebula/aot, else ~/.cache/nebula/aot)")
    private Path cacheDir;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "WebAssembly binary modules (.wasm)")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AotCache cache = new AotCache(cacheDir != null ? cacheDir : AotCache.defaultDirectory());
        int exit = ExitCodes.OK;
        for (Path file : files) {
            exit = ExitCodes.worst(exit, compile(cache, file, out, err));
            out.flush();
            err.flush();
        }
        return exit;
    }

    private static int compile(AotCache cache, Path file, PrintWriter out, PrintWriter err) {
        byte[] bytes;
        try {
            bytes = ModuleFiles.read(file);
        } catch (IOException e) {
            err.println(file + ": error: " + e.getMessage());
            return ExitCodes.IO;
        }
        try {
            long start = System.nanoTime();
            DecodedModule decoded = ModuleDecoder.decode(bytes);
            // a module found in the cache was validated when it was stored (AotCache#lookup)
            AotCache.Result result = cache.lookup(decoded);
            if (result == null) result = cache.compile(ModuleValidator.validate(decoded));
            long ms = (System.nanoTime() - start) / 1_000_000;
            String what = switch (result.outcome()) {
                case HIT -> "cached";
                case COMPILED -> "compiled";
                case REBUILT -> "rebuilt";
            };
            out.println(file + ": " + what + " -> " + result.file() + " (" + ms + " ms)");
            return ExitCodes.OK;
        } catch (MalformedModuleException e) {
            out.println(file + ": malformed: " + e.getMessage());
            return ExitCodes.REJECTED;
        } catch (InvalidModuleException e) {
            out.println(file + ": invalid: " + e.getMessage());
            return ExitCodes.REJECTED;
        } catch (UnsupportedFeatureException e) {
            out.println(file + ": unsupported: " + e.getMessage());
            return ExitCodes.REJECTED;
        }
    }
}

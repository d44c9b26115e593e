package dev.nebula.cli;

import dev.nebula.cli.inspect.ModuleDump;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.wasm.MalformedModuleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code nebula inspect FILE}: what a module contains, section by section. It only decodes, so an
 * invalid module can still be inspected, which is when one most needs to look inside.
 */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        description = {"Show the sections and contents of a WebAssembly binary module (like wasm-objdump -x).",
                "The module is decoded, not validated."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the module decoded", "1:the module is malformed", "2:usage error",
                "3:the file could not be read", "70:internal error"})
final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "FILE", description = "a WebAssembly module: binary (.wasm) or text (.wat)")
    private Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DecodedModule module;
        try {
            module = ModuleDecoder.decode(ModuleFiles.readModule(file));
        } catch (IOException e) {
            err.println(file + ": error: " + e.getMessage());
            return ExitCodes.IO;
        } catch (dev.nebula.text.TextFormatException e) {
            err.println(file + ": malformed: " + e.messageWithPosition());
            return ExitCodes.REJECTED;
        } catch (MalformedModuleException e) {
            err.println(file + ": malformed: " + e.getMessage());
            return ExitCodes.REJECTED;
        }
        ModuleDump.print(file.toString(), module, out);
        out.flush();
        return ExitCodes.OK;
    }
}

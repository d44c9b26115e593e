package dev.nebula.cli;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.validator.ModuleValidator;
import dev.nebula.wasm.InvalidModuleException;
import dev.nebula.wasm.MalformedModuleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code nebula validate FILE...}: decodes and validates each module and prints one line per
 * file. Every file is checked even after a failure, so one run reports them all.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Decode and validate WebAssembly binary modules.",
                "Prints one line per file: FILE: ok, FILE: malformed: MESSAGE, FILE: invalid: MESSAGE, or FILE: error: cannot read ..."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is a valid module", "1:some file is malformed or invalid", "2:usage error",
                "3:some file could not be read", "70:internal error"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "WebAssembly modules: binary (.wasm) or text (.wat)")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCodes.OK;
        for (Path file : files) {
            exit = ExitCodes.worst(exit, check(file, out, err));
            out.flush();
        }
        return exit;
    }

    private static int check(Path file, PrintWriter out, PrintWriter err) {
        byte[] bytes;
        try {
            bytes = ModuleFiles.readModule(file);
        } catch (IOException e) {
            err.println(file + ": error: " + e.getMessage());
            err.flush();
            return ExitCodes.IO;
        } catch (dev.nebula.text.TextFormatException e) {
            out.println(file + ": malformed: " + e.messageWithPosition());
            return ExitCodes.REJECTED;
        }
        try {
            ModuleValidator.validate(ModuleDecoder.decode(bytes));
        } catch (MalformedModuleException e) {
            out.println(file + ": malformed: " + e.getMessage());
            return ExitCodes.REJECTED;
        } catch (InvalidModuleException e) {
            out.println(file + ": invalid: " + e.getMessage());
            return ExitCodes.REJECTED;
        }
        out.println(file + ": ok");
        return ExitCodes.OK;
    }
}

package dev.nebula.cli;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.text.TextFormatException;
import dev.nebula.text.WatParser;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code nebula wat2wasm IN.wat [-o OUT.wasm]}: the text format to the binary format, checked by
 * the decoder and validator (as wabt's wat2wasm does) unless {@code --no-check}.
 */
@Command(name = "wat2wasm",
        mixinStandardHelpOptions = true,
        description = {"Translate a module from the text format (.wat) to the binary format (.wasm).",
                "The result is validated first; a module that does not parse or validate is not written."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the text is malformed, or the module invalid", "2:usage error",
                "3:the input could not be read or the output not written", "70:internal error"})
final class Wat2WasmCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "the text module (.wat)")
    private Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "where to write the binary (default: IN with the extension .wasm)")
    private Path output;

    @Option(names = "--debug-names", description = "keep the $names of the module, functions and locals in a \"name\" section")
    private boolean debugNames;

    @Option(names = "--no-check", description = "write the binary without validating it")
    private boolean noCheck;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            byte[] text;
            try {
                text = ModuleFiles.read(input);
            } catch (IOException e) {
                err.println("nebula wat2wasm: " + e.getMessage());
                return ExitCodes.IO;
            }
            byte[] binary;
            try {
                binary = WatParser.parse(text, debugNames);
                if (!noCheck) ModuleValidator.validate(ModuleDecoder.decode(binary));
            } catch (TextFormatException e) {
                err.println(input + ": malformed: " + e.messageWithPosition());
                return ExitCodes.REJECTED;
            } catch (MalformedModuleException e) {
                err.println(input + ": malformed: " + e.getMessage());
                return ExitCodes.REJECTED;
            } catch (InvalidModuleException e) {
                err.println(input + ": invalid: " + e.getMessage());
                return ExitCodes.REJECTED;
            }
            Path target = output != null ? output : defaultOutput(input);
            try {
                Files.write(target, binary);
            } catch (IOException e) {
                err.println("nebula wat2wasm: cannot write " + target + ": " + e.getMessage());
                return ExitCodes.IO;
            }
            return ExitCodes.OK;
        } finally {
            err.flush();
        }
    }

    private static Path defaultOutput(Path in) {
        String name = in.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return in.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".wasm");
    }
}

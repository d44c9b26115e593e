package dev.nebula.cli;

import dev.nebula.text.TextFormatException;
import dev.nebula.text.WatPrinter;
import dev.nebula.wasm.MalformedModuleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code nebula print MODULE}: a module in the text format, readable, with the names of its
 * "name" section; what it prints parses back ({@code nebula wat2wasm}) to the same module.
 */
@Command(name = "print",
        mixinStandardHelpOptions = true,
        description = {"Print a module in the text format (.wat), with function and local names from its name section."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:the module is malformed, or declares more locals than the printer writes out (1,000,000 in a function)", "2:usage error",
                "3:the module could not be read or the output not written", "70:internal error"})
final class PrintCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODULE", description = "the module: binary (.wasm) or text (.wat)")
    private Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write the text to OUT instead of stdout")
    private Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String text;
            try {
                text = WatPrinter.print(ModuleFiles.readModule(input));
            } catch (IOException e) {
                err.println("nebula print: " + e.getMessage());
                return ExitCodes.IO;
            } catch (TextFormatException e) {
                err.println(input + ": malformed: " + e.messageWithPosition());
                return ExitCodes.REJECTED;
            } catch (MalformedModuleException e) {
                err.println(input + ": malformed: " + e.getMessage());
                return ExitCodes.REJECTED;
            } catch (IllegalArgumentException e) {
                err.println(input + ": cannot print: " + e.getMessage());
                return ExitCodes.REJECTED;
            }
            if (output == null) {
                out.print(text);
                return ExitCodes.OK;
            }
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("nebula print: cannot write " + output + ": " + e.getMessage());
                return ExitCodes.IO;
            }
            return ExitCodes.OK;
        } finally {
            out.flush();
            err.flush();
        }
    }
}

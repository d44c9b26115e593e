package dev.nebula.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@code main} builds only the subcommand its arguments name ({@link Nebula#commandLine(String...)});
 * that must not change what a user sees, so each subcommand is compared with the full command line.
 */
class LazySubcommandsTest {

    private static List<String> allNames() {
        return Nebula.SUBCOMMANDS.stream().map(s -> s.name).toList();
    }

    @Test
    void theFullCommandLineHasEverySubcommandInListOrder() {
        assertEquals(allNames(), List.copyOf(Nebula.commandLine().getSubcommands().keySet()));
    }

    @Test
    void aSubcommandNameBuildsThatSubcommandAlone() {
        for (String name : allNames()) {
            if (name.equals("help")) continue;
            CommandLine lazy = Nebula.commandLine(name, "--whatever");
            assertEquals(List.of(name), List.copyOf(lazy.getSubcommands().keySet()), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-V", "help", "frobnicate", "Run"})
    void anythingElseBuildsEverySubcommand(String first) {
        assertEquals(allNames(), List.copyOf(Nebula.commandLine(first).getSubcommands().keySet()));
        assertEquals(allNames(), List.copyOf(Nebula.commandLine().getSubcommands().keySet()));
    }

    @Test
    void noArgumentsBuildEverySubcommand() {
        assertEquals(allNames(), List.copyOf(Nebula.commandLine(new String[0]).getSubcommands().keySet()));
    }

    @Test
    void eachSubcommandAloneHasTheSameUsageAsInTheFullCommandLine() {
        CommandLine full = Nebula.commandLine();
        for (String name : allNames()) {
            if (name.equals("help")) continue;
            CommandLine alone = Nebula.commandLine(name).getSubcommands().get(name);
            assertEquals(full.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF),
                    alone.getUsageMessage(CommandLine.Help.Ansi.OFF), name);
        }
    }

    @Test
    void eachListedNameIsTheNameItsAnnotationOrModelGives() {
        for (Nebula.Subcommand subcommand : Nebula.SUBCOMMANDS) {
            Command annotation = subcommand.type.getAnnotation(Command.class);
            String modelName = annotation != null ? annotation.name() : RunCommand.commandSpec().name();
            assertEquals(subcommand.name, modelName, subcommand.type.getName());
            if (annotation != null) assertEquals(0, annotation.aliases().length, "aliases are not looked up: " + subcommand.name);
        }
    }

    @Test
    void subcommandsAreFoundByName() {
        assertSame(RunCommand.class, Nebula.subcommandNamed("run").type);
        assertSame(CommandLine.HelpCommand.class, Nebula.subcommandNamed("help").type);
        assertNull(Nebula.subcommandNamed("nebula"));
        assertNull(Nebula.subcommandNamed("-h"));
    }

    @Test
    void runStillStopsAtTheModuleWhenBuiltAlone() {
        CommandLine run = Nebula.commandLine("run", "m.wasm", "--help").getSubcommands().get("run");
        assertEquals(true, run.isStopAtPositional());
    }
}

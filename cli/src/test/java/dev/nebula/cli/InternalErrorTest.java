package dev.nebula.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bug inside a subcommand surfaces as one "internal error" line and exit 70, not a stack trace. */
class InternalErrorTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void anUnexpectedExceptionIsReportedAsInternalError() {
        CommandLine cli = Nebula.commandLine();
        cli.addSubcommand(new CommandLine(new Boom()));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("boom");
        assertEquals(ExitCodes.INTERNAL, exit);
        assertTrue(err.toString().startsWith("internal error: java.lang.IllegalStateException: a bug"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }
}

package dev.nebula.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs {@code nebula} in-process, with the command line {@code main} builds for these arguments
 * (only the subcommand named), and keeps what it printed, for assertions on exact lines.
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Nebula.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    String[] outLines() {
        return out.isEmpty() ? new String[0] : out.split("\\R");
    }

    /** A Java stack trace has "\tat " frames or "Exception in thread"; bad input must never show one. */
    boolean showsStackTrace() {
        String all = out + err;
        return all.contains("\tat ") || all.contains("Exception in thread") || all.contains("\n\tat");
    }
}

package dev.nebula.cli;

import dev.nebula.faas.FaasHost;
import dev.nebula.faas.HostConfig;
import dev.nebula.runtime.EngineKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code nebula serve}: the function host. Deploy Wasm modules over HTTP and invoke them, each
 * call in a fresh instance under its function's limits; runs until interrupted (Ctrl-C).
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Run the function host: deploy WASI modules over HTTP (PUT /system/functions/NAME) and invoke them (POST /function/NAME).",
                "Deploy and delete need 'Authorization: Bearer TOKEN'; the token is made on the first start, kept in DATA/token and printed once.",
                "Runs until interrupted (Ctrl-C)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"130:stopped by Ctrl-C (143: by SIGTERM), after closing the host",
                "2:usage error",
                "3:the data folder or the address could not be used, or the engine is not built",
                "70:internal error"})
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "the TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = HostConfig.DEFAULT_BIND,
            description = "the address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    private String bind;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "nebula-data",
            description = "the folder for deployed functions and the token, created if missing (default: ${DEFAULT-VALUE})")
    private Path data;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "interp",
            description = "the engine that runs the functions: interp or aot (default: ${DEFAULT-VALUE})")
    private String engine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("nebula serve: --port must be within 0..65535, got " + port);
            return ExitCodes.USAGE;
        }
        EngineKind kind;
        try {
            kind = EngineKind.fromShortName(engine);
        } catch (IllegalArgumentException e) {
            err.println("nebula serve: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        HostConfig config = HostConfig.defaults(data).withBind(bind, port).withEngine(kind);
        FaasHost host;
        try {
            host = FaasHost.start(config, problem -> {
                err.println("nebula serve: " + problem);
                err.flush();
            });
        } catch (IOException e) {
            err.println("nebula serve: " + e.getMessage());
            return ExitCodes.IO;
        }
        if (host.token().created()) {
            out.println("nebula serve: made the API token (kept in " + data.resolve("token") + ", mode 0600; printed only this once):");
            out.println(host.token().value());
        } else {
            out.println("nebula serve: the API token is in " + data.resolve("token"));
        }
        out.println("nebula serve: " + host.registry().size() + " function(s) loaded from " + data);
        out.println("nebula serve: listening on " + host.uri());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("nebula serve: stopping");
            err.flush();
            host.close();
            stopped.countDown();
        }, "nebula-serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}

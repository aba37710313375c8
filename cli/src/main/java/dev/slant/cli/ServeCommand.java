package dev.slant.cli;

import dev.slant.datasets.io.BadInputException;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.bundle.BundleException;
import dev.slant.serve.ServeSettings;
import dev.slant.serve.SlantServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code slant serve}: loads a bundle and serves it over HTTP until SIGTERM or Ctrl-C. */
@Command(name = "serve",
        description = {"Serve a model bundle over HTTP.",
                "Endpoints: POST /v1/classify, POST /v1/classify/batch, GET /v1/model, GET /healthz, GET /metrics "
                        + "(Prometheus). Stops gracefully on SIGTERM or Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    /** Jetty's INFO lines (version, connector started) would repeat the one startup line this command prints. */
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model bundle (.slant).")
    Path model;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServeSettings.DEFAULT_HOST,
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServeSettings.DEFAULT_PORT,
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one, printed at startup).")
    int port;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads: classify requests handled at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ServeSettings.DEFAULT_MAX_BODY,
            description = "Largest request body; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--max-batch", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_BATCH,
            description = "Most articles in one batch request; more get 413 (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--max-queue", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_QUEUE,
            description = "Classify requests that may wait for a worker; more get 503 (default: ${DEFAULT-VALUE}).")
    int maxQueue;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_CONNECTIONS,
            description = "Open connections (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Override
    public Integer call() throws Exception {
        JETTY.setLevel(Level.WARNING);
        PrintWriter err = spec.commandLine().getErr();
        ServeSettings settings;
        try {
            settings = new ServeSettings(host, port, threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    maxBody, maxBatch, maxQueue, maxConnections, ServeSettings.DEFAULT_STOP_TIMEOUT_MS);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SlantClassifier slant;
        try {
            slant = SlantClassifier.load(model);
        } catch (BundleException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        try (SlantServer server = SlantServer.start(slant, settings)) {
            server.stopOnShutdown();
            err.printf("slant serve: listening on %s (model %s, targets %s, %d worker threads); SIGTERM or Ctrl-C stops%n",
                    server.uri(), model, slant.targets(), settings.threads());
            err.flush();
            server.join();
        }
        return ExitCodes.OK;
    }
}

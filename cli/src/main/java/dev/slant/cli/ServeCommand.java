package dev.slant.cli;

import dev.slant.datasets.io.BadInputException;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.LoadedBundle;
import dev.slant.serve.ServeSettings;
import dev.slant.serve.SlantServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slant serve}: loads a bundle and serves it over HTTP until SIGTERM or Ctrl-C. */
@Command(name = "serve",
        description = {"Serve a model bundle over HTTP, with a page for people at / (open http://127.0.0.1:8080/).",
                "Endpoints: POST /v1/classify, POST /v1/classify/batch, POST /v1/explain, GET /v1/model, "
                        + "GET /healthz, GET /metrics (Prometheus), and the page's archives under /v1/archives. "
                        + "Stops gracefully on SIGTERM or Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    /** Jetty's INFO lines (version, connector started) would repeat the one startup line this command prints. */
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServeSettings.DEFAULT_HOST,
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServeSettings.DEFAULT_PORT,
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one, printed at startup).")
    int port;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads: classify requests handled at once, 1 to 128 (default: the number of cores).")
    Integer threads;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ServeSettings.DEFAULT_MAX_BODY,
            description = "Largest request body, 1 to 1073741824; larger ones get 413. Uploads on the page share it "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--max-batch", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_BATCH,
            description = "Most articles in one batch request, 1 to 100000; more get 413 (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--max-queue", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_QUEUE,
            description = "Classify requests that may wait for a worker, 0 to 100000; more get 503 (default: ${DEFAULT-VALUE}).")
    int maxQueue;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_MAX_CONNECTIONS,
            description = "Open connections, 1 to 100000 (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--archive", paramLabel = "FILE",
            description = "A scored file (slant score's output, .csv or .jsonl, gzip too) that the page shows to everyone "
                    + "as its archive: charts by outlet, topic and month, and a table. Read whole before the server starts.")
    Path archive;

    @Option(names = "--body-timeout", paramLabel = "MS", defaultValue = "" + ServeSettings.DEFAULT_BODY_TIMEOUT_MS,
            description = "Longest pause in a request body, in milliseconds, 100 to 600000; after that long its average "
                    + "rate must also be at least --min-body-rate; a body that breaks either gets 408 (default: ${DEFAULT-VALUE}).")
    long bodyTimeoutMs;

    @Option(names = "--min-body-rate", paramLabel = "BYTES", defaultValue = "" + ServeSettings.DEFAULT_MIN_BODY_RATE,
            description = "Slowest average rate of a request body in bytes per second, 0 (none) to 1073741824 "
                    + "(default: ${DEFAULT-VALUE}).")
    long minBodyRate;

    @Override
    public Integer call() throws Exception {
        JETTY.setLevel(Level.WARNING);
        PrintWriter err = spec.commandLine().getErr();
        ServeSettings settings;
        try {
            // Each option checked against its range under its own name, before the bundle is read.
            ServeSettings.PORT.check("--port", port);
            int workers = threads != null ? (int) ServeSettings.THREADS.check("--threads", threads)
                    : ServeSettings.defaults().threads();
            ServeSettings.MAX_BODY.check("--max-body", maxBody);
            ServeSettings.MAX_BATCH.check("--max-batch", maxBatch);
            ServeSettings.MAX_QUEUE.check("--max-queue", maxQueue);
            ServeSettings.MAX_CONNECTIONS.check("--max-connections", maxConnections);
            ServeSettings.BODY_TIMEOUT_MS.check("--body-timeout", bodyTimeoutMs);
            ServeSettings.MIN_BODY_RATE.check("--min-body-rate", minBodyRate);
            settings = new ServeSettings(host, port, workers, maxBody, maxBatch, maxQueue, maxConnections,
                    ServeSettings.DEFAULT_STOP_TIMEOUT_MS, bodyTimeoutMs, minBodyRate);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (archive != null && !Files.isRegularFile(archive)) {
            throw new BadInputException("--archive " + archive + ": " + (Files.exists(archive) ? "not a regular file" : "no such file"));
        }
        Path modelFile = model.resolve(spec.commandLine(), err);
        LoadedBundle bundle = BundleReader.read(modelFile);
        SlantClassifier slant = SlantClassifier.of(bundle);
        try (SlantServer server = startServer(slant, settings, bundle.modelCard())) {
            server.stopOnShutdown();
            err.printf("slant serve: listening on %s (model %s, targets %s, %d worker threads%s); open it in a browser for "
                    + "the page; SIGTERM or Ctrl-C stops%n", server.uri(), modelFile, slant.targets(), settings.threads(),
                    archive == null ? "" : ", archive " + archive);
            err.flush();
            server.join();
        }
        return ExitCodes.OK;
    }

    private SlantServer startServer(SlantClassifier slant, ServeSettings settings, String card) throws java.io.IOException {
        if (archive == null) {
            return SlantServer.start(slant, settings, card);
        }
        try {
            return SlantServer.start(slant, settings, card, archive);
        } catch (java.io.UncheckedIOException e) {
            throw new BadInputException("--archive " + archive + ": " + e.getCause().getMessage(), e);
        } catch (java.nio.charset.CharacterCodingException | java.util.zip.ZipException e) {
            throw new BadInputException("--archive " + archive + ": " + e.getMessage(), e);
        }
    }
}

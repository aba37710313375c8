package dev.slant.cli;

import dev.slant.datasets.io.BadInputException;
import dev.slant.inference.ExitCodes;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.bundle.Manifest;
import dev.slant.inference.bundle.ManifestTarget;
import dev.slant.serve.archive.ScoredFile;
import dev.slant.serve.archive.StaticReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slant report}: a scored file's charts as a static HTML report, in constant memory. */
@Command(name = "report",
        description = {"Write a scored file's charts as a static HTML report: stance and topic shares overall, by outlet, "
                + "by month (with a date column) and by each other target, with the share of abstentions.",
                "The input is slant score's output (CSV or JSONL, gzip too), or a file downloaded from the page; it is read "
                        + "once, row by row, so a file of any size takes the same memory. The folder gets index.html (no "
                        + "script; open it in any browser, offline), one SVG per chart and report.json."})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "SCORED", description = "The scored file (.csv or .jsonl, optionally .gz).")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the report into (made if missing).")
    Path out;

    @Option(names = "--model", paramLabel = "FILE",
            description = "The bundle that scored the file, to order each target's labels as the model does (default: by count).")
    Path model;

    @Option(names = "--outlet-column", paramLabel = "COLUMN", description = "The outlet's column (default: outlet, else source).")
    String outletColumn;

    @Option(names = "--date-column", paramLabel = "COLUMN", description = "The date's column (default: date).")
    String dateColumn;

    @Option(names = "--title-column", paramLabel = "COLUMN", description = "The title's column (default: title).")
    String titleColumn;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new BadInputException(input + ": " + (Files.exists(input) ? "not a regular file" : "no such file"));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is a file, not a folder");
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        if (model != null) {
            Manifest manifest;
            try {
                manifest = BundleReader.read(model).manifest();
            } catch (BundleException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            for (ManifestTarget t : manifest.targets()) {
                labels.put(t.name(), t.labels());
            }
        }
        StaticReport.Summary summary;
        try {
            summary = StaticReport.write(input, out, new ScoredFile.Columns(outletColumn, dateColumn, titleColumn), labels);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("slant report: %,d articles%s, %d charts -> %s%n", summary.articles(),
                summary.malformed() > 0 ? String.format(", %,d malformed rows skipped", summary.malformed()) : "",
                summary.charts(), out.resolve(StaticReport.INDEX));
        err.flush();
        return ExitCodes.OK;
    }
}

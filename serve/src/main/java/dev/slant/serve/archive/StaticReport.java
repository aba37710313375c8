package dev.slant.serve.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.datasets.io.AtomicOutput;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The archive's charts as a static report, for people who never run a server: {@code slant report --input SCORED
 * --out DIR} reads a scored file once, row by row, into an {@link ArchiveTally} (so its memory does not grow with
 * the file), then writes into the folder
 * <ul>
 *   <li>{@value #INDEX}: one page with every chart inline and, under each, a table of its numbers; no script at
 *       all, its one style sheet inline and allowed by its hash in the page's own Content-Security-Policy, every
 *       piece of text from the file escaped; it opens from disk in any browser, offline;</li>
 *   <li>each chart again as an SVG file ({@code TARGET-by-DIMENSION.svg}), for slides and papers;</li>
 *   <li>{@value #JSON}: every chart's numbers.</li>
 * </ul>
 * The charts are those of the page's Archive view ({@link ShareChartSvg}), for each target: all articles, by
 * outlet, by month (when a date column gives any), and by each other target. Each file is written whole or not at
 * all ({@link AtomicOutput}).
 */
public final class StaticReport {
    /** The report page's file name. */
    public static final String INDEX = "index.html";
    /** The numbers' file name. */
    public static final String JSON = "report.json";
    /** The width the charts are drawn at, in pixels (they shrink with a narrow window). */
    static final int WIDTH = 900;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String CSS = String.join("\n",
            "body { margin: 0 auto; max-width: 960px; padding: 0 1rem 3rem; color: #1b1b1b; background: #fff;",
            "  font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; }",
            "h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; } h3 { font-size: 1.05rem; }",
            "figure { margin: 1rem 0 0.5rem; } svg { display: block; max-width: 100%; height: auto; }",
            ".muted { color: #595959; } .wrap { overflow-x: auto; }",
            "table { border-collapse: collapse; font-size: 0.9rem; margin: 0.4rem 0 1rem; }",
            "caption { text-align: left; color: #595959; padding: 0.3rem 0; }",
            "th, td { border-bottom: 1px solid #d0d4da; padding: 0.25rem 0.5rem; text-align: left; white-space: nowrap; }",
            "td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }",
            "details > summary { cursor: pointer; color: #0b5394; }",
            "dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }",
            "dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }");

    private StaticReport() {
    }

    /**
     * What a report holds.
     *
     * @param articles rows counted
     * @param malformed rows skipped as malformed
     * @param charts   the charts written
     * @param files    the files written, the page first
     */
    public record Summary(long articles, long malformed, int charts, List<Path> files) {
    }

    /**
     * Reads a scored file and writes its report.
     *
     * @param scored      the scored file (CSV or JSON Lines, gzip too)
     * @param out         the folder to write into (made if missing)
     * @param columns     where the outlet, date and title are
     * @param knownLabels each target's labels in the model's order, where known (empty map: by count)
     * @return what was written
     * @throws IOException              if the file cannot be read or the report written
     * @throws dev.slant.datasets.io.BadInputException if the file holds no predictions or a record is too long
     */
    public static Summary write(Path scored, Path out, ScoredFile.Columns columns, Map<String, List<String>> knownLabels)
            throws IOException {
        Objects.requireNonNull(out, "out");
        ArchiveTally tally;
        long malformed;
        String outletColumn;
        String dateColumn;
        try (ScoredFile in = ScoredFile.open(scored, columns)) {
            tally = new ArchiveTally(in.targets(), knownLabels, in.outletColumn() != null, in.dateColumn() != null);
            for (ScoredRow r = in.next(); r != null; r = in.next()) {
                tally.add(r);
            }
            malformed = in.malformed();
            outletColumn = in.outletColumn();
            dateColumn = in.dateColumn();
        }
        List<ArchiveTally.Shares> charts = new ArrayList<>();
        for (String target : tally.targets()) {
            for (String dimension : tally.dimensions()) {
                if (!dimension.equals(target)) {
                    charts.add(tally.shares(target, dimension, dimension.equals(ArchiveTally.MONTH) ? 36 : 15, 8));
                }
            }
        }
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        String name = scored.getFileName().toString();
        Path index = out.resolve(INDEX);
        write(index, page(name, tally, malformed, outletColumn, dateColumn, charts));
        files.add(index);
        ObjectNode json = MAPPER.createObjectNode();
        json.put("format", "slant-archive-report/1");
        json.put("file", name);
        json.put("articles", tally.articles());
        json.put("malformed", malformed);
        ArrayNode list = json.putArray("charts");
        for (ArchiveTally.Shares s : charts) {
            Path svg = out.resolve(fileName(s));
            write(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ShareChartSvg.render(s, WIDTH, id(s)));
            files.add(svg);
            ObjectNode c = list.addObject();
            c.put("file", fileName(s));
            c.put("title", ShareChartSvg.title(s));
            c.put("target", s.target());
            c.put("dimension", s.dimension());
            ArrayNode cats = c.putArray("categories");
            s.categories().forEach(k -> cats.addObject().put("key", k.key()).put("total", k.total()));
            ArrayNode groups = c.putArray("groups");
            for (ArchiveTally.Group g : s.groups()) {
                ArrayNode counts = groups.addObject().put("name", g.name()).put("total", g.total()).putArray("counts");
                for (long n : g.counts()) {
                    counts.add(n);
                }
            }
            c.put("groupCount", s.groupCount());
        }
        Path report = out.resolve(JSON);
        write(report, MAPPER.writeValueAsString(json) + "\n");
        files.add(report);
        return new Summary(tally.articles(), malformed, charts.size(), List.copyOf(files));
    }

    /** @return a chart's file name, for example {@code stance-by-outlet.svg} */
    static String fileName(ArchiveTally.Shares s) {
        return (s.target() + "-by-" + s.dimension()).replaceAll("[^A-Za-z0-9._-]", "_") + ".svg";
    }

    private static String id(ArchiveTally.Shares s) {
        return "c-" + s.target() + "-" + s.dimension();
    }

    private static void write(Path file, String content) throws IOException {
        AtomicOutput.write(file, o -> {
            Writer w = o.writer();
            w.write(content);
            w.flush();
        });
    }

    private static String page(String file, ArchiveTally tally, long malformed, String outletColumn, String dateColumn,
            List<ArchiveTally.Shares> charts) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = "Slant report: " + file;
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
                .append(hash(CSS)).append("'; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(e(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(e(title)).append("</h1>\n");
        h.append("<dl>\n");
        fact(h, "articles", String.format(Locale.ROOT, "%,d", tally.articles()));
        if (malformed > 0) {
            fact(h, "malformed rows skipped", String.format(Locale.ROOT, "%,d", malformed));
        }
        fact(h, "targets", String.join(", ", tally.targets()));
        fact(h, "outlet column", outletColumn == null ? "none (no charts by outlet)" : outletColumn);
        fact(h, "date column", dateColumn == null ? "none (no charts by month)"
                : String.format(Locale.ROOT, "%s (%,d articles with a readable date)", dateColumn, tally.dated()));
        for (String t : tally.targets()) {
            ArchiveTally.Shares all = tally.shares(t, ArchiveTally.ALL, 1, Integer.MAX_VALUE);
            long abstained = all.categories().stream().filter(c -> c.key().equals(ArchiveTally.ABSTAINED))
                    .mapToLong(ArchiveTally.Category::total).sum();
            fact(h, t + " abstained", String.format(Locale.ROOT, "%,d (%s): no label, the model knowing too few of their n-grams",
                    abstained, ShareChartSvg.percent(tally.articles() == 0 ? 0 : (double) abstained / tally.articles())));
        }
        h.append("</dl>\n");
        h.append("<p class=\"muted\">Each bar is 100% of its articles. The letter or number in each segment names its label "
                + "(⊘: abstained, + : the other labels); the table under each chart gives every number. The same charts are "
                + "in this folder as SVG files, and their numbers in ").append(JSON).append(".</p>\n");
        String target = null;
        for (ArchiveTally.Shares s : charts) {
            if (!s.target().equals(target)) {
                target = s.target();
                h.append("<h2>").append(e(target)).append("</h2>\n");
            }
            h.append("<section class=\"chart\" data-target=\"").append(e(s.target())).append("\" data-dimension=\"")
                    .append(e(s.dimension())).append("\">\n<h3>").append(e(ShareChartSvg.title(s))).append("</h3>\n<figure>\n")
                    .append(ShareChartSvg.render(s, WIDTH, id(s), false)).append("</figure>\n");
            numbers(h, s);
            h.append("</section>\n");
        }
        h.append("<p class=\"muted\">Written by slant report.</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void fact(StringBuilder h, String key, String value) {
        h.append("<dt>").append(e(key)).append("</dt><dd>").append(e(value)).append("</dd>\n");
    }

    private static void numbers(StringBuilder h, ArchiveTally.Shares s) {
        h.append("<details><summary>The chart’s numbers</summary>\n<div class=\"wrap\"><table class=\"numbers\">\n<thead><tr><th scope=\"col\">")
                .append(e(s.dimension().equals(ArchiveTally.ALL) ? "" : s.dimension()))
                .append("</th><th scope=\"col\" class=\"num\">articles</th>");
        for (ArchiveTally.Category c : s.categories()) {
            h.append("<th scope=\"col\" class=\"num\">").append(e(name(c.key()))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (ArchiveTally.Group g : s.groups()) {
            h.append("<tr data-group=\"").append(e(g.name())).append("\"><th scope=\"row\">").append(e(g.name()))
                    .append("</th><td class=\"num\">").append(String.format(Locale.ROOT, "%,d", g.total())).append("</td>");
            for (int c = 0; c < s.categories().size(); c++) {
                h.append("<td class=\"num\" data-category=\"").append(e(s.categories().get(c).key())).append("\" data-count=\"")
                        .append(g.counts()[c]).append("\">").append(String.format(Locale.ROOT, "%,d", g.counts()[c])).append(" (")
                        .append(ShareChartSvg.percent(g.share(c))).append(")</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div></details>\n");
    }

    private static String name(String key) {
        return key.equals(ArchiveTally.ABSTAINED) ? "abstained" : key.equals(ArchiveTally.OTHER) ? "other labels" : key;
    }

    private static String e(String text) {
        return ShareChartSvg.escape(text);
    }

    private static String hash(String css) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

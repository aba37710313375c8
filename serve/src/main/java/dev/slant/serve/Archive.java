package dev.slant.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.serve.archive.ArchiveTally;
import dev.slant.serve.archive.ScoredFile;
import dev.slant.serve.archive.ScoredRow;
import dev.slant.serve.archive.ShareChartSvg;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A scored archive the page shows: its tally for the charts, its first {@link #MAX_ROWS} rows for the table, what
 * reading it found, and its scored file for download (in memory for an upload, the operator's own file otherwise).
 * Immutable once made, so any number of requests read it at once.
 */
final class Archive {
    /** The most rows the table holds; the charts count every row. */
    static final int MAX_ROWS = 50_000;
    /** The longest title kept for the table, in characters. */
    static final int MAX_TITLE = 300;
    /** The most bars of a chart. */
    static final int MAX_BARS = 15;
    /** The most months of a chart (the latest). */
    static final int MAX_MONTHS = 36;
    /** The most labels with a colour of their own. */
    static final int MAX_COLOURS = 8;

    final String id;
    final String name;
    final boolean operator;
    final List<String> targets;
    final ArchiveTally tally;
    final List<ScoredRow> rows;
    final long malformed;
    final ObjectNode read;
    final String outletColumn;
    final String dateColumn;
    private final byte[] scored;
    private final Path file;
    private volatile Sorted sorted;

    private record Sorted(String column, boolean descending, int[] order) {
    }

    Archive(String id, String name, boolean operator, List<String> targets, ArchiveTally tally, List<ScoredRow> rows,
            long malformed, ObjectNode read, String outletColumn, String dateColumn, byte[] scored, Path file) {
        this.id = id;
        this.name = name;
        this.operator = operator;
        this.targets = List.copyOf(targets);
        this.tally = tally;
        this.rows = List.copyOf(rows);
        this.malformed = malformed;
        this.read = read;
        this.outletColumn = outletColumn;
        this.dateColumn = dateColumn;
        this.scored = scored;
        this.file = file;
    }

    /**
     * Reads a scored file the operator named, all of it for the charts and its first rows for the table.
     *
     * @param file        the file
     * @param knownLabels each target's labels in the model's order
     * @return the archive
     * @throws IOException if the file cannot be read
     */
    static Archive ofFile(Path file, Map<String, List<String>> knownLabels) throws IOException {
        try (ScoredFile in = ScoredFile.open(file, ScoredFile.Columns.DEFAULT)) {
            ArchiveTally tally = new ArchiveTally(in.targets(), knownLabels, in.outletColumn() != null, in.dateColumn() != null);
            List<ScoredRow> rows = new ArrayList<>();
            for (ScoredRow r = in.next(); r != null; r = in.next()) {
                tally.add(r);
                if (rows.size() < MAX_ROWS) {
                    rows.add(trimmed(r));
                }
            }
            ObjectNode read = JsonNodeFactory.instance.objectNode();
            read.put("records", in.rows());
            read.put("accepted", tally.articles());
            read.putObject("rejected");
            return new Archive("operator", file.getFileName().toString(), true, in.targets(), tally, rows, in.malformed(),
                    read, in.outletColumn(), in.dateColumn(), null, file);
        }
    }

    static ScoredRow trimmed(ScoredRow r) {
        if (r.title().length() <= MAX_TITLE) {
            return r;
        }
        return new ScoredRow(r.number(), r.id(), r.title().substring(0, MAX_TITLE - 1) + "\u2026", r.outlet(), r.date(),
                r.labels(), r.probabilities());
    }

    /** @return whether the download is the operator's file on disk (else bytes in memory) */
    boolean onDisk() {
        return file != null;
    }

    /** @return the operator's file */
    Path file() {
        return file;
    }

    /** @return the scored file of an upload */
    byte[] scored() {
        return scored;
    }

    /** @return the download's file name, safe for a header */
    String downloadName() {
        if (file != null) {
            return safe(file.getFileName().toString());
        }
        String base = name.replaceAll("(?i)(\\.gz)?$", "").replaceAll("(?i)\\.(csv|tsv|jsonl|ndjson)$", "");
        return safe(base + "-scored.csv");
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "scored" + s : s;
    }

    /** @return {@code GET /v1/archives/{id}}: what the archive holds and what the page can ask of it */
    ObjectNode summary() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("name", name);
        json.put("source", operator ? "operator" : "upload");
        json.put("articles", tally.articles());
        json.put("rows", rows.size());
        json.put("malformed", malformed);
        json.set("read", read);
        ArrayNode ts = json.putArray("targets");
        for (String t : targets) {
            ObjectNode o = ts.addObject();
            o.put("name", t);
            ArchiveTally.Shares all = tally.shares(t, ArchiveTally.ALL, 1, Integer.MAX_VALUE);
            ObjectNode counts = o.putObject("counts");
            for (ArchiveTally.Category c : all.categories()) {
                counts.put(c.key(), c.total());
            }
        }
        ArrayNode dims = json.putArray("dimensions");
        tally.dimensions().forEach(dims::add);
        json.put("outletColumn", outletColumn);
        json.put("dateColumn", dateColumn);
        json.put("dated", tally.dated());
        json.put("download", downloadName());
        return json;
    }

    /**
     * @param target    a target
     * @param dimension a dimension
     * @return the chart's numbers
     * @throws ApiException 400 for an unknown target or dimension
     */
    ArchiveTally.Shares shares(String target, String dimension) throws ApiException {
        try {
            return tally.shares(target, dimension, dimension.equals(ArchiveTally.MONTH) ? MAX_MONTHS : MAX_BARS, MAX_COLOURS);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage(), e);
        }
    }

    /**
     * @param shares a chart's numbers
     * @return them as JSON, for the page's table beside the chart
     */
    static ObjectNode sharesJson(ArchiveTally.Shares shares) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("target", shares.target());
        json.put("dimension", shares.dimension());
        json.put("title", ShareChartSvg.title(shares));
        ArrayNode cats = json.putArray("categories");
        for (ArchiveTally.Category c : shares.categories()) {
            cats.addObject().put("key", c.key()).put("total", c.total());
        }
        ArrayNode groups = json.putArray("groups");
        for (ArchiveTally.Group g : shares.groups()) {
            ObjectNode o = groups.addObject();
            o.put("name", g.name());
            o.put("total", g.total());
            ArrayNode counts = o.putArray("counts");
            for (long n : g.counts()) {
                counts.add(n);
            }
        }
        json.put("groupCount", shares.groupCount());
        return json;
    }

    /**
     * A page of the table.
     *
     * @param column     the column to sort by: {@code number} (file order), {@code id}, {@code title},
     *                   {@code outlet}, {@code date}, a target (its label) or {@code <target>_probability}
     * @param descending whether largest first
     * @param page       the page, from 0
     * @param size       rows per page
     * @return {"total", "page", "pages", "size", "sort", "order", "rows": [{"number", "id", "title", "outlet", "date",
     *         target: {"label", "probability"}}]}
     * @throws ApiException 400 for an unknown column
     */
    ObjectNode rows(String column, boolean descending, int page, int size) throws ApiException {
        int[] order = order(column, descending);
        int pages = Math.max(1, (rows.size() + size - 1) / size);
        int p = Math.max(0, Math.min(page, pages - 1));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("total", rows.size());
        json.put("articles", tally.articles());
        json.put("page", p);
        json.put("pages", pages);
        json.put("size", size);
        json.put("sort", column);
        json.put("order", descending ? "desc" : "asc");
        ArrayNode out = json.putArray("rows");
        for (int i = p * size; i < Math.min(rows.size(), (p + 1) * size); i++) {
            ScoredRow r = rows.get(order[i]);
            ObjectNode o = out.addObject();
            o.put("number", r.number());
            o.put("id", r.id());
            o.put("title", r.title());
            o.put("outlet", r.outlet());
            o.put("date", r.date());
            for (int t = 0; t < targets.size(); t++) {
                ObjectNode tj = o.putObject(targets.get(t));
                if (r.label(t) == null) {
                    tj.putNull("label");
                    tj.putNull("probability");
                } else {
                    tj.put("label", r.label(t));
                    if (Double.isNaN(r.probability(t))) {
                        tj.putNull("probability");
                    } else {
                        tj.put("probability", r.probability(t));
                    }
                }
            }
        }
        return json;
    }

    private int[] order(String column, boolean descending) throws ApiException {
        Sorted s = sorted;
        if (s != null && s.column().equals(column) && s.descending() == descending) {
            return s.order();
        }
        Comparator<ScoredRow> by = comparator(column);
        if (descending) {
            by = by.reversed();
        }
        Comparator<ScoredRow> total = by.thenComparingLong(ScoredRow::number);
        Integer[] boxed = new Integer[rows.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, (a, b) -> total.compare(rows.get(a), rows.get(b)));
        int[] order = new int[boxed.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = boxed[i];
        }
        sorted = new Sorted(column, descending, order);
        return order;
    }

    private Comparator<ScoredRow> comparator(String column) throws ApiException {
        Comparator<String> text = Comparator.comparing((String v) -> v.isEmpty()).thenComparing(String.CASE_INSENSITIVE_ORDER);
        switch (column) {
            case "number":
                return Comparator.comparingLong(ScoredRow::number);
            case "id":
                return Comparator.comparing(ScoredRow::id, text);
            case "title":
                return Comparator.comparing(ScoredRow::title, text);
            case "outlet":
                return Comparator.comparing(ScoredRow::outlet, text);
            case "date":
                return Comparator.comparing((ScoredRow r) -> Objects.requireNonNullElse(ArchiveTally.month(r.date()), "~"))
                        .thenComparing(ScoredRow::date);
            default:
                for (int t = 0; t < targets.size(); t++) {
                    int target = t;
                    if (column.equals(targets.get(t))) {
                        return Comparator.comparing((ScoredRow r) -> r.label(target) == null ? "" : r.label(target), text);
                    }
                    if (column.equals(targets.get(t) + "_probability")) {
                        // Abstentions (NaN) last in either order would need two comparators; they sort as -1.
                        return Comparator.comparingDouble((ScoredRow r) -> Double.isNaN(r.probability(target)) ? -1 : r.probability(target));
                    }
                }
                throw new ApiException(400, String.format(Locale.ROOT, "cannot sort by '%s'; by number, id, title, outlet, "
                        + "date, %s or their _probability", column, String.join(", ", targets)));
        }
    }
}

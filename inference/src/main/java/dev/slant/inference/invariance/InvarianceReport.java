package dev.slant.inference.invariance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.eval.ReportSection;
import dev.slant.inference.eval.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link InvarianceTest} found: per target and perturbation, the share of predictions that changed label and the
 * mean change of the originally predicted label's probability. Written into a bundle's metrics as JSON, read back
 * from there, and rendered for the terminal and the model card.
 *
 * @param articles the articles perturbed
 * @param seed     the seed of the perturbations' choices
 * @param rows     one row per target and perturbation, targets in order
 */
public record InvarianceReport(int articles, long seed, List<Row> rows) {
    /**
     * One target under one perturbation.
     *
     * @param target          the target
     * @param perturbation    the perturbation's name
     * @param outletSignature whether it adds another outlet's signature
     * @param articles        articles it applied to
     * @param flips           predictions whose label changed (an abstention counts as a label)
     * @param meanChange      mean change of the originally predicted label's probability, over articles labelled
     *                        before and after (negative: less sure)
     * @param meanAbsChange   mean absolute change of that probability
     * @param worstVariant    the variant with the most flips ("" when none applied)
     * @param worstFlips      its flips
     * @param worstArticles   the articles that got it
     */
    public record Row(String target, String perturbation, boolean outletSignature, int articles, int flips,
                      double meanChange, double meanAbsChange, String worstVariant, int worstFlips, int worstArticles) {
        /** Validates. @throws IllegalArgumentException if a count is out of range */
        public Row {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(perturbation, "perturbation");
            Objects.requireNonNull(worstVariant, "worstVariant");
            if (articles < 0 || flips < 0 || flips > articles || worstFlips > worstArticles) {
                throw new IllegalArgumentException(target + " / " + perturbation + ": " + flips + " flips of " + articles);
            }
        }

        /** @return the share of predictions that changed label, 0 when it applied to no article */
        public double flipShare() {
            return articles == 0 ? 0 : (double) flips / articles;
        }
    }

    /** Copies. */
    public InvarianceReport {
        rows = List.copyOf(rows);
    }

    /** @return the targets, in order */
    public List<String> targets() {
        return List.copyOf(new LinkedHashSet<>(rows.stream().map(Row::target).toList()));
    }

    /**
     * @param target a target
     * @return its rows, in perturbation order
     */
    public List<Row> rows(String target) {
        return rows.stream().filter(r -> r.target().equals(target)).toList();
    }

    /**
     * @param target a target
     * @return its largest flip share under a perturbation that adds an outlet signature
     */
    public double maxSignatureFlipShare(String target) {
        return rows(target).stream().filter(Row::outletSignature).mapToDouble(Row::flipShare).max().orElse(0);
    }

    /**
     * @param target       a target
     * @param perturbation a perturbation's name
     * @return its row
     */
    public Optional<Row> row(String target, String perturbation) {
        return rows(target).stream().filter(r -> r.perturbation().equals(perturbation)).findFirst();
    }

    /** @return the report as JSON, for a bundle's metrics */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("articles", articles);
        o.put("seed", seed);
        var array = o.putArray("rows");
        for (Row r : rows) {
            array.addObject().put("target", r.target()).put("perturbation", r.perturbation())
                    .put("outletSignature", r.outletSignature()).put("articles", r.articles()).put("flips", r.flips())
                    .put("flipShare", r.flipShare()).put("meanChange", r.meanChange())
                    .put("meanAbsChange", r.meanAbsChange()).put("worstVariant", r.worstVariant())
                    .put("worstFlips", r.worstFlips()).put("worstArticles", r.worstArticles());
        }
        return o;
    }

    /**
     * @param json what {@link #toJson()} wrote
     * @return the report, or empty when the node holds none
     */
    public static Optional<InvarianceReport> fromJson(JsonNode json) {
        if (json == null || !json.path("rows").isArray()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : json.path("rows")) {
            rows.add(new Row(r.path("target").asText(), r.path("perturbation").asText(),
                    r.path("outletSignature").asBoolean(), r.path("articles").asInt(), r.path("flips").asInt(),
                    r.path("meanChange").asDouble(), r.path("meanAbsChange").asDouble(),
                    r.path("worstVariant").asText(""), r.path("worstFlips").asInt(), r.path("worstArticles").asInt()));
        }
        return Optional.of(new InvarianceReport(json.path("articles").asInt(), json.path("seed").asLong(), rows));
    }

    /**
     * @param where what was perturbed, for the heading ("media test part")
     * @return one section per target, for {@link dev.slant.inference.eval.PlainText}
     */
    public List<ReportSection> sections(String where) {
        List<ReportSection> out = new ArrayList<>();
        for (String target : targets()) {
            List<List<String>> cells = new ArrayList<>();
            for (Row r : rows(target)) {
                cells.add(List.of(r.perturbation(), r.outletSignature() ? "yes" : "no",
                        String.format(Locale.ROOT, "%d / %d", r.flips(), r.articles()), percent(r.flipShare()),
                        String.format(Locale.ROOT, "%+.4f", r.meanChange()),
                        String.format(Locale.ROOT, "%.4f", r.meanAbsChange()), worst(r)));
            }
            Table t = new Table("perturbations that must not change the label", List.of("perturbation",
                    "outlet signature", "flips", "flip share", "mean change of p(label)", "mean |change|",
                    "most flips"), cells);
            List<String> notes = List.of(String.format(Locale.ROOT,
                    "%d articles, each perturbation drawn with seed %d; a flip is a changed label (an abstention "
                            + "counts as one); the probability change is of the label predicted before, over articles "
                            + "labelled before and after. Largest flip share under an outlet signature: %s.",
                    articles, seed, percent(maxSignatureFlipShare(target))));
            out.add(new ReportSection(target + ", invariance on the " + where, List.of(t), notes));
        }
        return out;
    }

    /**
     * @param target a target
     * @return its rows as a Markdown table (for the model card), lines ending in {@code \n}
     */
    public String markdown(String target) {
        StringBuilder sb = new StringBuilder();
        sb.append("| perturbation | outlet signature | predictions that flip | mean change of p(label) | mean absolute change | most flips |\n");
        sb.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows(target)) {
            sb.append("| ").append(r.perturbation()).append(" | ").append(r.outletSignature() ? "yes" : "no")
                    .append(" | ").append(percent(r.flipShare())).append(" (").append(r.flips()).append(" of ")
                    .append(r.articles()).append(") | ").append(String.format(Locale.ROOT, "%+.4f", r.meanChange()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.4f", r.meanAbsChange())).append(" | ")
                    .append(worst(r).replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    private static String worst(Row r) {
        return r.worstFlips() == 0 ? "-" : String.format(Locale.ROOT, "%s (%d of %d)", r.worstVariant(), r.worstFlips(),
                r.worstArticles());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}

package dev.slant.spark;

import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.RecordProblem;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.bundle.BundleException;
import dev.slant.inference.drift.DriftReference;
import dev.slant.inference.drift.DriftReport;
import dev.slant.inference.drift.DriftTally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.functions;

/**
 * Slant on Spark: adds prediction columns to a {@code Dataset<Row>} of articles and evaluates labelled ones.
 *
 * <pre>{@code
 * try (SlantSpark slant = SlantSpark.load(spark, Path.of("models/article-bias-media.slant"))) {
 *     ColumnMapping m = ColumnMapping.builder().idColumn("ID").titleColumn("title").textColumn("content_original")
 *             .metadata(Article.OUTLET, "source").metadata(Article.HOST, "source_url").build();
 *     Dataset<Row> scored = slant.score(articles, m, true);   // id, stance, stance_probability, stance_p_left, ...
 * }
 * }</pre>
 *
 * <p>The driver reads the bundle once and broadcasts its bytes; each executor JVM loads it on its first task and
 * keeps the classifier, keyed by the bundle's SHA-256, for every later task ({@link SlantClassifier} is
 * thread-safe; the featurizer keeps scratch space per thread). Rows are read by the datasets readers' rules: a row
 * without id or with a blank text (and, in {@link #evaluate}, without a gold label) is skipped; {@link #count}
 * counts them by reason and {@link #firstBadRow} names the first for {@code --strict}. A gold label the model
 * does not know is no reason to skip: {@link #evaluate} counts it as the model's error, as {@code slant evaluate}
 * does.
 */
public final class SlantSpark implements AutoCloseable {
    private final SparkSession spark;
    private final SlantClassifier classifier;
    private final String sha256;
    private final Broadcast<byte[]> bundle;

    private SlantSpark(SparkSession spark, SlantClassifier classifier, String sha256, Broadcast<byte[]> bundle) {
        this.spark = spark;
        this.classifier = classifier;
        this.sha256 = sha256;
        this.bundle = bundle;
    }

    /**
     * Reads and checks a bundle on the driver and broadcasts its bytes.
     *
     * @param spark  the session
     * @param bundle the bundle, a file the driver can read
     * @return the scorer
     * @throws BundleException if the bundle is missing, corrupt or otherwise not loadable (the message names it)
     * @throws IOException     if the file cannot be read
     */
    public static SlantSpark load(SparkSession spark, Path bundle) throws BundleException, IOException {
        Objects.requireNonNull(spark, "spark");
        SlantClassifier classifier = SlantClassifier.load(bundle);
        byte[] bytes = Files.readAllBytes(bundle);
        String sha = ClassifierCache.sha256(bytes);
        ClassifierCache.put(sha, classifier);
        Broadcast<byte[]> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
        return new SlantSpark(spark, classifier, sha, broadcast);
    }

    /** @return the classifier as the driver loaded it (targets, labels, manifest) */
    public SlantClassifier classifier() {
        return classifier;
    }

    /** @return the bundle's SHA-256, lower-case hex */
    public String sha256() {
        return sha256;
    }

    /**
     * @param labelProbabilities whether a probability column per label is added
     * @return the columns {@link #score} makes
     */
    public PredictionColumns columns(boolean labelProbabilities) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (String t : classifier.targets()) {
            labels.put(t, classifier.labels(t));
        }
        return new PredictionColumns(labels, labelProbabilities);
    }

    /**
     * Scores articles lazily: one prediction row per good input row (bad rows are skipped; see {@link #count}).
     *
     * @param all                the articles
     * @param mapping            which columns make an article (an id column is required)
     * @param labelProbabilities whether a probability column per label is added
     * @return {@code id}, then per target {@code <target>}, {@code <target>_probability} and, if asked,
     *         {@code <target>_p_<label>}; an abstaining target has null label and probabilities
     * @throws IllegalArgumentException if a mapped column is missing from the input or the mapping has no id column
     */
    public Dataset<Row> score(Dataset<Row> all, ColumnMapping mapping, boolean labelProbabilities) {
        Dataset<Row> input = mapped(all, mapping);
        InputColumns columns = InputColumns.resolve(mapping, input.schema());
        PredictionColumns output = columns(labelProbabilities);
        return input.mapPartitions(new PartitionScorer(bundle, sha256, columns, output),
                ExpressionEncoder.apply(output.schema()));
    }

    /**
     * Counts the input's rows and those that {@link #score} (or, with labels, {@link #evaluate}) skips, by reason,
     * in a pass of its own over the input (exact, unlike accumulators, which count again when a task is retried).
     *
     * @param all        the articles
     * @param mapping    the column mapping
     * @param withLabels whether the label columns are checked too
     * @return the counts
     * @throws IllegalArgumentException if a mapped column is missing from the input
     */
    public RowCounts count(Dataset<Row> all, ColumnMapping mapping, boolean withLabels) {
        Dataset<Row> input = mapped(all, mapping);
        InputColumns columns = InputColumns.resolve(mapping, input.schema());
        int reasons = RecordProblem.Reason.values().length;
        FlatMapFunction<Iterator<Row>, long[]> count = rows -> {
            long[] counts = new long[reasons + 1];
            while (rows.hasNext()) {
                RowOutcome o = RowOutcome.of(rows.next(), columns, withLabels);
                counts[reasons]++;
                if (o.bad()) {
                    counts[o.reason().ordinal()]++;
                }
            }
            return List.<long[]>of(counts).iterator();
        };
        long[] total = input.javaRDD().mapPartitions(count).fold(new long[reasons + 1], (a, b) -> {
            long[] sum = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                sum[i] = a[i] + b[i];
            }
            return sum;
        });
        Map<RecordProblem.Reason, Long> skipped = new EnumMap<>(RecordProblem.Reason.class);
        for (RecordProblem.Reason r : RecordProblem.Reason.values()) {
            skipped.put(r, total[r.ordinal()]);
        }
        return new RowCounts(total[reasons], skipped);
    }

    /**
     * Finds a bad row, for {@code --strict}: the message names the row's file (where Spark knows it), its id or
     * title, the column and the reason, as the datasets readers name a bad record.
     *
     * @param all        the articles
     * @param mapping    the column mapping
     * @param withLabels whether the label columns are checked too
     * @return the first bad row's message, empty when every row is good
     * @throws IllegalArgumentException if a mapped column is missing from the input
     */
    public Optional<String> firstBadRow(Dataset<Row> all, ColumnMapping mapping, boolean withLabels) {
        Dataset<Row> input = mapped(all, mapping);
        InputColumns columns = InputColumns.resolve(mapping, input.schema());
        int fileColumn = input.schema().fieldNames().length;
        Dataset<Row> withFile = input.withColumn("__slant_file", functions.input_file_name());
        List<Row> bad = withFile.filter((FilterFunction<Row>) r -> RowOutcome.of(r, columns, withLabels).bad())
                .takeAsList(1);
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        Row r = bad.get(0);
        String file = r.getString(fileColumn);
        return Optional.of(RowOutcome.of(r, columns, withLabels).message(r, columns,
                file == null || file.isEmpty() ? "input" : file));
    }

    /**
     * Evaluates labelled articles in one pass: classifies every good row and tallies it against its gold labels
     * for each target mapped with a label column.
     *
     * @param all     labelled articles
     * @param mapping the column mapping, with a label column for each target to evaluate
     * @return the tallies, with the skipped rows by reason; a gold label the model does not know is not a reason
     *         to skip: as in {@code slant evaluate}, it joins the target's labels and its rows count as errors of
     *         the model
     * @throws IllegalArgumentException if a mapped column is missing, no label column is mapped, or a mapped target
     *                                  is not one of the bundle's
     */
    public EvaluationTally evaluate(Dataset<Row> all, ColumnMapping mapping) {
        Dataset<Row> input = mapped(all, mapping);
        InputColumns columns = InputColumns.resolve(mapping, input.schema());
        if (columns.labelTargets().isEmpty()) {
            throw new IllegalArgumentException("no label column to evaluate: give --label TARGET=COLUMN");
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (String t : columns.labelTargets()) {
            if (!classifier.targets().contains(t)) {
                throw new IllegalArgumentException("the bundle has no target '" + t + "'; its targets are "
                        + classifier.targets());
            }
            labels.put(t, classifier.labels(t));
        }
        PartitionEvaluator evaluator = new PartitionEvaluator(bundle, sha256, columns, labels);
        return input.javaRDD().mapPartitions(evaluator).fold(new EvaluationTally(labels), EvaluationTally::merge);
    }

    /**
     * Compares the articles with the training data the bundle stores a reference of ({@link DriftReference}): their
     * known n-gram shares and, per target, their predicted labels, in a pass of its own (each good row classified).
     *
     * @param all     the articles
     * @param mapping the column mapping
     * @return the comparison, empty for a bundle that stores no reference
     * @throws IllegalArgumentException if a mapped column is missing from the input
     */
    public Optional<DriftReport> drift(Dataset<Row> all, ColumnMapping mapping) {
        Optional<DriftReference> reference = DriftReference.fromMetrics(classifier.manifest().metrics());
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        Dataset<Row> input = mapped(all, mapping);
        InputColumns columns = InputColumns.resolve(mapping, input.schema());
        Broadcast<byte[]> b = bundle;
        String sha = sha256;
        DriftReference ref = reference.get();
        FlatMapFunction<Iterator<Row>, DriftTally> tally = rows -> {
            SlantClassifier c = ClassifierCache.get(sha, b::value);
            DriftTally t = new DriftTally(ref);
            while (rows.hasNext()) {
                RowOutcome o = RowOutcome.of(rows.next(), columns, false);
                if (!o.bad()) {
                    t.add(c.classify(o.article()));
                }
            }
            return List.of(t).iterator();
        };
        return Optional.of(input.javaRDD().mapPartitions(tally).fold(new DriftTally(ref), (x, y) -> {
            DriftTally sum = new DriftTally(ref);
            sum.merge(x);
            sum.merge(y);
            return sum;
        }).report());
    }

    /**
     * @param input   the input
     * @param mapping the column mapping
     * @return the input reduced to the mapped columns (Spark then reads no other column where the format allows)
     * @throws IllegalArgumentException if a mapped column is missing (the message lists the input's columns)
     */
    private static Dataset<Row> mapped(Dataset<Row> input, ColumnMapping mapping) {
        InputColumns.resolve(mapping, input.schema());
        return input.select(mapping.columns().stream().map(functions::col).toArray(org.apache.spark.sql.Column[]::new));
    }

    /** The session this scorer broadcasts in. @return it */
    public SparkSession session() {
        return spark;
    }

    /** Removes the broadcast bundle from the executors. */
    @Override
    public void close() {
        bundle.destroy();
    }
}

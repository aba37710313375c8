package dev.slant.spark;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.corpus.ArticleBiasCorpus;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Articles as Spark rows in article-bias's own columns, bad rows among them, and the checks of scored rows. */
final class Articles {
    /** The metadata columns, as article-bias maps them (outlet and host feed the scrubber). */
    static final Map<String, String> META = ArticleBiasCorpus.MAPPING.metadataColumns();
    /** Columns: ID, title, content_original, bias_text, then the metadata columns. */
    static final List<String> COLUMNS = columns();
    /** The mapping of those columns, without labels. */
    static final ColumnMapping MAPPING = mapping(false);
    /** Bad rows: two without an id, two with a blank text. */
    static final int BAD = 4;
    /** The id of a row whose text has no token: every target abstains. */
    static final String ABSTAINS = "no-tokens";

    private Articles() {
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("ID", "title", "content_original", "bias_text"));
        c.addAll(META.values());
        return List.copyOf(c);
    }

    static ColumnMapping mapping(boolean withStance) {
        ColumnMapping.Builder b = ColumnMapping.builder().idColumn("ID").titleColumn("title").textColumn("content_original");
        META.forEach(b::metadata);
        if (withStance) {
            b.label("stance", "bias_text");
        }
        return b.build();
    }

    /** @return the rows of the articles, with the four bad rows and the abstaining one spread among them */
    static List<Row> rows(List<LabelledArticle> articles) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            LabelledArticle a = articles.get(i);
            rows.add(row(a, a.labels().get("stance").orElseThrow()));
            switch (i) {
                case 10 -> rows.add(row(null, "A title without id", "Some text."));
                case 300 -> rows.add(row("  ", "Blank id", "Some text."));
                case 700 -> rows.add(row("no-text", "Null text", null));
                case 900 -> rows.add(row("blank-text", "Blank text", " \n\t "));
                case 1000 -> rows.add(row(ABSTAINS, "", "!!! ???"));
                default -> { }
            }
        }
        return rows;
    }

    /** @return the row of an article, with the given gold stance in place of its own */
    static Row row(LabelledArticle a, String stance) {
        List<Object> v = new ArrayList<>(List.of(a.id(), a.article().title(), a.article().text(), stance));
        META.keySet().forEach(k -> v.add(a.article().metadata().get(k)));
        return RowFactory.create(v.toArray());
    }

    private static Row row(String id, String title, String text) {
        Object[] v = new Object[COLUMNS.size()];
        v[0] = id;
        v[1] = title;
        v[2] = text;
        v[3] = "left";
        return RowFactory.create(v);
    }

    static Dataset<Row> dataset(SparkSession spark, List<LabelledArticle> articles) {
        return spark.createDataFrame(rows(articles), schema());
    }

    /**
     * @param rows       rows of {@link #COLUMNS}
     * @param partitions how many partitions: the rows are cut into that many runs in order, as
     *                   {@code parallelize} cuts a list, so a test knows which rows each holds
     * @return the rows in exactly those partitions
     */
    static Dataset<Row> partitioned(SparkSession spark, List<Row> rows, int partitions) {
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions),
                schema());
    }

    private static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        COLUMNS.forEach(c -> fields.add(DataTypes.createStructField(c, DataTypes.StringType, true)));
        return DataTypes.createStructType(fields);
    }

    /** Asserts that a scored row says what the classifier says, labels equal and probabilities within 1e-9. */
    static void assertScored(RealBundle real, Article article, Row row, boolean labelProbabilities) {
        Prediction expected = real.expected(article);
        assertEquals(article.id(), row.getAs(PredictionColumns.ID));
        for (TargetPrediction t : expected.targets()) {
            String where = article.id() + " " + t.target();
            if (t.abstained()) {
                assertNull(row.getAs(t.target()), where);
                assertNull(row.getAs(PredictionColumns.probability(t.target())), where);
                continue;
            }
            assertEquals(t.label(), row.getAs(t.target()), where);
            assertEquals(t.probability(), ((Number) row.getAs(PredictionColumns.probability(t.target()))).doubleValue(), 1e-9, where);
            if (labelProbabilities) {
                for (Map.Entry<String, Double> e : t.probabilities().entrySet()) {
                    Object p = row.getAs(PredictionColumns.labelProbability(t.target(), e.getKey()));
                    assertNotNull(p, where + " " + e.getKey());
                    assertEquals(e.getValue(), ((Number) p).doubleValue(), 1e-9, where + " " + e.getKey());
                }
            }
        }
    }
}

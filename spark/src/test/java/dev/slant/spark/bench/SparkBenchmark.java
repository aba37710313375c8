package dev.slant.spark.bench;

import dev.slant.datasets.io.ColumnMapping;
import dev.slant.spark.SlantSpark;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Not a test: Spark's scoring alone, beside {@link SingleJvmBenchmark}. Converts article-bias's CSV to Parquet in
 * PARTITIONS files (not timed), then scores it into Spark's no-op sink, so the figure is reading Parquet plus
 * scoring, without the CSV parse, the count pass and the output of the job.
 *
 * <pre>java -Xmx4g -Dspark.master=local[2] -cp ... dev.slant.spark.bench.SparkBenchmark ARTICLES_CSV_GZ BUNDLE WORK_DIR PARTITIONS CSV_BYTES</pre>
 */
public final class SparkBenchmark {
    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String csv = args[0];
        Path bundle = Path.of(args[1]);
        String parquet = Path.of(args[2]).resolve("articles.parquet").toString();
        int partitions = Integer.parseInt(args[3]);
        double mb = Long.parseLong(args[4]) / 1e6;
        SparkSession spark = SparkSession.builder().appName("slant-bench").config("spark.ui.enabled", false).getOrCreate();
        try {
            spark.read().option("header", true).option("multiLine", true).option("escape", "\"").csv(csv)
                    .repartition(partitions).write().mode("overwrite").parquet(parquet);
            ColumnMapping m = ColumnMapping.builder().idColumn("ID").titleColumn("title").textColumn("content_original")
                    .metadata("outlet", "source").metadata("host", "source_url").build();
            try (SlantSpark slant = SlantSpark.load(spark, bundle)) {
                for (int run = 1; run <= 2; run++) {
                    Dataset<Row> in = spark.read().parquet(parquet);
                    long t0 = System.nanoTime();
                    slant.score(in, m, true).write().format("noop").mode("overwrite").save();
                    double s = (System.nanoTime() - t0) / 1e9;
                    long n = in.count();
                    System.out.printf(Locale.ROOT, "| run %d: %s, %d partitions, read Parquet + score | %.1f | %.0f | %.1f |%n",
                            run, spark.sparkContext().master(), partitions, s, n / s, mb / s);
                }
            }
        } finally {
            spark.stop();
        }
    }
}

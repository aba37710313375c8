package dev.slant.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: local[2], no UI, two shuffle partitions. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** @return a new (or the active) local session */
    static SparkSession start() {
        return SparkSession.builder().appName("slant-spark-test").master("local[2]")
                .config("spark.ui.enabled", false)
                .config("spark.sql.shuffle.partitions", 2)
                .config("spark.default.parallelism", 2)
                .getOrCreate();
    }
}

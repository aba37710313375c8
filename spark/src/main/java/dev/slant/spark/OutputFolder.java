package dev.slant.spark;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a Dataset to a folder whole or not at all: into a hidden sibling folder first, renamed to the output when
 * Spark's job has committed; on failure the sibling is removed and the output never appears.
 */
final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * @param spark  the session (its Hadoop configuration finds the file system)
     * @param data   what to write
     * @param format the format
     * @param output the output folder, which must not exist
     * @throws IOException              if the folder cannot be renamed or the file system fails
     * @throws IllegalArgumentException if the output exists
     */
    static void write(SparkSession spark, Dataset<Row> data, SlantSparkJob.Format format, String output) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path out = new Path(output);
        FileSystem fs = out.getFileSystem(conf);
        if (fs.exists(out)) {
            throw new IllegalArgumentException("--output " + output + " exists; give a new path");
        }
        Path parent = out.getParent();
        Path tmp = new Path(parent, "." + out.getName() + ".tmp-" + UUID.randomUUID());
        boolean done = false;
        try {
            var writer = data.write().mode(SaveMode.ErrorIfExists);
            switch (format) {
                case CSV -> writer.option("header", true).option("escape", "\"").csv(tmp.toString());
                case JSON -> writer.option("ignoreNullFields", false).json(tmp.toString());
                case PARQUET -> writer.parquet(tmp.toString());
            }
            if (!fs.rename(tmp, out)) {
                throw new IOException("cannot rename " + tmp + " to " + out);
            }
            done = true;
        } finally {
            if (!done) {
                fs.delete(tmp, true);
            }
        }
    }
}

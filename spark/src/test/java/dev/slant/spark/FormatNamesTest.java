package dev.slant.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The Spark job names formats by the one rule the readers and the predictions use (DataFormat). */
class FormatNamesTest {
    @Test
    void namesAndAliases() {
        assertEquals(SlantSparkJob.Format.CSV, SlantSparkJob.Format.parse("CSV", "--input-format"));
        assertEquals(SlantSparkJob.Format.JSON, SlantSparkJob.Format.parse("json", "--input-format"));
        assertEquals(SlantSparkJob.Format.JSON, SlantSparkJob.Format.parse("jsonl", "--input-format"));
        assertEquals(SlantSparkJob.Format.JSON, SlantSparkJob.Format.parse("ndjson", "--output-format"));
        assertEquals(SlantSparkJob.Format.PARQUET, SlantSparkJob.Format.parse("parquet", "--output-format"));
        assertEquals("--input-format: tsv is not read or written here (give csv, jsonl or parquet)",
                assertThrows(IllegalArgumentException.class, () -> SlantSparkJob.Format.parse("tsv", "--input-format"))
                        .getMessage());
        assertEquals("--output-format: unknown format 'xml' (give csv, jsonl or parquet)",
                assertThrows(IllegalArgumentException.class, () -> SlantSparkJob.Format.parse("xml", "--output-format"))
                        .getMessage());
    }
}

package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleFormatTest {

    @ParameterizedTest
    @CsvSource({"a.csv, CSV", "dir/A.CSV.GZ, CSV", "a.tsv, TSV", "a.tsv.gz, TSV", "a.jsonl, JSONL",
        "a.ndjson.gz, JSONL", "x.csv.jsonl, JSONL"})
    void fromFileName(String name, ArticleFormat expected) {
        assertEquals(expected, ArticleFormat.fromFileName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "a.gz", "csv", "a.csv.zip", "a.json"})
    void unknownNamesAreRefusedWithTheCallersHintOnly(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArticleFormat.fromFileName(name));
        assertEquals("cannot tell the format of '" + name + "' from its name (.csv, .tsv, .jsonl or .ndjson,"
                + " optionally .gz)", e.getMessage(), "no advice to give a format where there may be no way to");
        e = assertThrows(IllegalArgumentException.class,
                () -> ArticleFormat.fromFileName(name, "give --input-format csv, tsv, tsv-unquoted or jsonl"));
        assertEquals("cannot tell the format of '" + name + "' from its name (.csv, .tsv, .jsonl or .ndjson,"
                + " optionally .gz): give --input-format csv, tsv, tsv-unquoted or jsonl", e.getMessage());
    }

    @Test
    void aFormatTheCallerDoesNotReadIsNamedAsSuch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArticleFormat.fromFileName("part-0.parquet"));
        assertEquals("'part-0.parquet' is named as parquet, which is not read or written here", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ArticleFormat.parse("Parquet"));
        assertEquals("format: parquet is not read or written here (give csv, tsv, tsv-unquoted or jsonl)",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"csv, CSV", "TSV, TSV", "tsv-unquoted, TSV_UNQUOTED", "jsonl, JSONL", "ndjson, JSONL", "json, JSONL"})
    void parse(String name, ArticleFormat expected) {
        assertEquals(expected, ArticleFormat.parse(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", ""})
    void parseRefusesOthers(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArticleFormat.parse(name));
        assertEquals("format: unknown format '" + name + "' (give csv, tsv, tsv-unquoted or jsonl)", e.getMessage());
    }

    @Test
    void oneRuleForEveryCallersSetOfFormats() {
        Set<DataFormat> spark = Set.of(DataFormat.CSV, DataFormat.JSONL, DataFormat.PARQUET);
        assertEquals(DataFormat.JSONL, DataFormat.named("json", spark, "--input-format"));
        assertEquals(DataFormat.PARQUET, DataFormat.named("PARQUET", spark, "--input-format"));
        assertEquals(DataFormat.PARQUET, DataFormat.ofFile("x.parquet", spark, ""));
        assertEquals("--output-format: tsv is not read or written here (give csv, jsonl or parquet)",
                assertThrows(IllegalArgumentException.class, () -> DataFormat.named("tsv", spark, "--output-format"))
                        .getMessage());
    }
}

package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    @ValueSource(strings = {"a.txt", "a.gz", "csv", "a.csv.zip"})
    void unknownNamesAreRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArticleFormat.fromFileName(name));
        assertEquals("cannot tell the format of '" + name + "' from its name (.csv, .tsv, .jsonl or .ndjson,"
                + " optionally .gz): give the format explicitly", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"csv, CSV", "TSV, TSV", "tsv-unquoted, TSV_UNQUOTED", "jsonl, JSONL", "ndjson, JSONL"})
    void parse(String name, ArticleFormat expected) {
        assertEquals(expected, ArticleFormat.parse(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", ""})
    void parseRefusesOthers(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArticleFormat.parse(name));
        assertEquals("unknown format '" + name + "' (csv, tsv, tsv-unquoted, jsonl)", e.getMessage());
    }
}

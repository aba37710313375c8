package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRejectSinkTest {

    @Test
    void writesOneRowPerRejectedRecord(@TempDir Path dir) throws IOException {
        Path rejects = dir.resolve("rejects.csv");
        ReadReport report;
        List<String> ids;
        try (CsvRejectSink sink = CsvRejectSink.open(rejects)) {
            ArticleReader reader = Fixtures.open("bad.csv", ArticleFormat.CSV, Fixtures.STANCE,
                    new ReadOptions(ReadMode.LENIENT, sink));
            ids = Fixtures.ids(reader);
            report = reader.report();
            assertEquals(5, sink.written());
            assertFalse(Files.exists(rejects), "nothing in place before the commit");
            sink.commit();
        }
        assertEquals(List.of("1", "6"), ids);
        assertEquals("7 records, 2 accepted, 5 rejected (missing column: 1, unknown label: 1, empty text: 1,"
                + " invalid UTF-8: 1, duplicate id: 1)", report.toString());
        String expected = "file,record,line,column,reason,detail,raw\r\n"
                + "bad.csv,2,3,stance,MISSING_COLUMN,the record has 3 of 4 fields,\"2,T2,body two\"\r\n"
                + "bad.csv,3,4,text,EMPTY_TEXT,,\"3,T3,,right\"\r\n"
                + "bad.csv,4,5,stance,UNKNOWN_LABEL,\"'centre' is not a stance label (left, center, right)\","
                + "\"4,T4,\"\"multi\nline\"\",centre\"\r\n"
                + "bad.csv,5,7,id,DUPLICATE_ID,'1' is also the id of record 1,\"1,T5,body five,left\"\r\n"
                + "bad.csv,7,9,text,INVALID_UTF8,bytes that are not UTF-8 at character 4 of the field,"
                + "\"7,T7,caf\uFFFD,left\"\r\n";
        assertEquals(expected, Files.readString(rejects, StandardCharsets.UTF_8));
    }

    @Test
    void anUnparsableRecordHasAnEmptyRawColumnAndAJsonLineIsWrittenAsIs(@TempDir Path dir) throws IOException {
        assertEquals("", CsvRejectSink.raw(List.of()));
        assertEquals("{\"a\":1,\"b\":\"x\"}", CsvRejectSink.raw(List.of("{\"a\":1,\"b\":\"x\"}")));
        assertEquals("a,\"b,c\"", CsvRejectSink.raw(List.of("a", "b,c")));
    }

    @Test
    void closedWithoutCommitLeavesNoFile(@TempDir Path dir) throws IOException {
        Path rejects = dir.resolve("rejects.csv.gz");
        try (CsvRejectSink sink = CsvRejectSink.open(rejects)) {
            sink.reject(new RecordProblem("f", 1, 2, "text", RecordProblem.Reason.EMPTY_TEXT, ""), List.of("x"));
        }
        assertEquals(List.of(), Files.list(dir).toList());
    }
}

package dev.slant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.inference.ExitCodes;
import dev.slant.inference.TestBundles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slant score} as a Unix tool and against careless input: standard input and output, the default model, the
 * help text, and a one-line cause with the right exit code for every input it cannot read.
 */
class ScoreInputsTest {
    static Path bundle;
    static final String CSV = "id,title,text\n1,First,\"a body\nover two lines\"\n2,Second,another body\n"
            + "3,Third,\"a body cut short";

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp(@TempDir Path shared) throws Exception {
        bundle = TestBundles.write(shared.resolve("tiny.slant"));
    }

    static CliRun withStdin(byte[] stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }

    static String[] score(String... more) {
        List<String> args = new ArrayList<>(List.of("score", "--model", bundle.toString()));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    @Test
    void standardInputToStandardOutputCountsTheRecordHeadCut() {
        CliRun run = withStdin(CSV.getBytes(StandardCharsets.UTF_8), score("--input", "-", "--id-column", "id",
                "--title-column", "title", "--output", "-", "--format", "jsonl"));
        assertEquals(ExitCodes.OK, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[0].startsWith("{\"id\":\"1\""), lines[0]);
        assertTrue(lines[1].startsWith("{\"id\":\"2\""), lines[1]);
        assertTrue(run.err().contains("3 rows read, 2 scored, 1 rejected"), run.err());
        assertTrue(run.err().contains("rejected, unterminated quote: 1 (the first: standard input: record 3 (line 5), "
                + "column 'text': unterminated quote: a quoted field is still open at the end of the input (cut "
                + "short?))"), run.err());
    }

    @Test
    void standardOutputNeedsAFormat() {
        CliRun run = withStdin(CSV.getBytes(StandardCharsets.UTF_8), score("--input", "-", "--output", "-"));
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().contains("--output - writes standard output: give --format csv or jsonl"), run.err());
    }

    @Test
    void theModelComesFromTheEnvironmentElseTheQuickStartAndSaysWhich() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), CSV.substring(0, CSV.lastIndexOf("\n3,")));
        Path out = dir.resolve("out.csv");
        var saved = ModelOption.environment;
        try {
            ModelOption.environment = name -> name.equals(ModelOption.MODEL_ENV) ? bundle.toString() : null;
            CliRun fromEnv = CliRun.of("score", "--input", in.toString(), "--output", out.toString());
            assertEquals(ExitCodes.OK, fromEnv.code(), fromEnv.err());
            assertTrue(fromEnv.err().contains("slant score: model " + bundle + " (from $SLANT_MODEL)"), fromEnv.err());

            ModelOption.environment = name -> null;
            CliRun none = CliRun.of("score", "--input", in.toString(), "--output", out.toString());
            assertEquals(ExitCodes.USAGE, none.code(), none.err());
            assertTrue(none.err().contains("no model: give --model FILE or set $SLANT_MODEL (the quick start's "
                    + Path.of("models", "article-bias-media.slant") + ", which slant train writes, is not here)"),
                    none.err());
            // Every command that takes a bundle takes it the same way.
            for (List<String> command : List.of(List.of("evaluate"), List.of("serve", "--port", "0"))) {
                CliRun without = CliRun.of(command.toArray(String[]::new));
                assertEquals(ExitCodes.USAGE, without.code(), without.err());
                assertTrue(without.err().contains("no model: give --model FILE or set $SLANT_MODEL"), without.err());
            }
        } finally {
            ModelOption.environment = saved;
        }
        assertEquals(Path.of("models", "article-bias-media.slant"), ModelOption.QUICK_START_MODEL,
                "where the quick start's train writes");
    }

    @Test
    void theHelpSaysWhatScoringNeedsAndNoMore() {
        CliRun help = CliRun.of("score", "--help");
        assertEquals(ExitCodes.OK, help.code());
        String text = help.out().replaceAll("\\s+", " ");
        assertFalse(text.toLowerCase().contains("labelled"), text);
        assertFalse(text.contains("--label"), text);
        assertTrue(text.contains("or - for standard input"), text);
        assertTrue(text.contains("- (standard output)"), text);
        assertTrue(text.contains("--max-article-bytes"), text);
        assertTrue(text.contains("$SLANT_MODEL"), text);
    }

    @Test
    void anInputWhoseNameTellsNoFormatNamesTheOptionThatDoes() throws IOException {
        Path in = Files.writeString(dir.resolve("articles.txt"), "id,text\n1,a body\n");
        CliRun run = CliRun.of(score("--input", in.toString(), "--output", dir.resolve("o.csv").toString()));
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().contains("cannot tell the format of 'articles.txt' from its name (.csv, .tsv, .jsonl or "
                + ".ndjson, optionally .gz): give --input-format csv, tsv, tsv-unquoted or jsonl"), run.err());
        CliRun told = CliRun.of(score("--input", in.toString(), "--input-format", "csv", "--output",
                dir.resolve("o.csv").toString()));
        assertEquals(ExitCodes.OK, told.code(), told.err());
    }

    @Test
    void aMistypedJsonFieldFailsAsAMistypedCsvColumnDoes() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("in.jsonl"),
                "{\"id\":\"1\",\"content_original\":\"a\"}\n{\"id\":\"2\",\"content_original\":\"b\"}\n");
        CliRun json = CliRun.of(score("--input", jsonl.toString(), "--text-column", "body", "--output",
                dir.resolve("o.csv").toString()));
        assertEquals(ExitCodes.DATA, json.code(), json.err());
        assertTrue(json.err().contains(jsonl + ": record 1 (line 1), column 'body': missing column: the first JSON "
                + "object has no field 'body' (its fields: 'id', 'content_original'); is the field's name right?"),
                json.err());
        Path csv = Files.writeString(dir.resolve("in.csv"), "id,content_original\n1,a\n");
        CliRun table = CliRun.of(score("--input", csv.toString(), "--text-column", "body", "--output",
                dir.resolve("o.csv").toString()));
        assertEquals(ExitCodes.DATA, table.code(), table.err());
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    @Test
    void aNumberIsNoText() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"1\",\"text\":42}\n{\"id\":\"2\",\"text\":\"ok\"}\n");
        CliRun run = CliRun.of(score("--input", jsonl.toString(), "--id-column", "id", "--output",
                dir.resolve("o.csv").toString()));
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.err().contains("2 rows read, 1 scored, 1 rejected"), run.err());
        assertTrue(run.err().contains("column 'text': malformed record: a number where text was expected"), run.err());
    }

    @Test
    void inputsThatCannotBeReadAreNamedWithExit65() throws IOException {
        Path out = dir.resolve("o.csv");
        Path missing = dir.resolve("missing.csv");
        assertOneLine(CliRun.of(score("--input", missing.toString(), "--output", out.toString())),
                missing + ": no such file");
        Path folder = Files.createDirectories(dir.resolve("folder.csv"));
        assertOneLine(CliRun.of(score("--input", folder.toString(), "--output", out.toString())),
                folder + ": is a directory, not a file of articles");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            StringBuilder sb = new StringBuilder("id,text\n");
            for (int i = 0; i < 20000; i++) {
                sb.append(i).append(",\"body number ").append(i * 7919).append("\"\n");
            }
            o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = gz.toByteArray();
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
        assertOneLine(CliRun.of(score("--input", cut.toString(), "--output", out.toString())),
                cut + ": the gzip data ends too soon (the file is truncated), after ");
        Path utf16 = Files.write(dir.resolve("utf16.csv"), "\uFEFFid,text\n1,body\n".getBytes(StandardCharsets.UTF_16LE));
        assertOneLine(CliRun.of(score("--input", utf16.toString(), "--output", out.toString())),
                utf16 + ": starts with a UTF-16 byte order mark; only UTF-8 is read (convert the file to UTF-8)");
        Path noBom = Files.write(dir.resolve("nobom.csv"), "id,text\n1,body\n".getBytes(StandardCharsets.UTF_16BE));
        assertOneLine(CliRun.of(score("--input", noBom.toString(), "--output", out.toString())),
                noBom + ": holds a NUL byte at byte 1: UTF-16 or UTF-32 text without a byte order mark");
        assertFalse(Files.exists(out));
    }

    static void assertOneLine(CliRun run, String start) {
        assertEquals(ExitCodes.DATA, run.code(), run.err());
        assertTrue(run.err().startsWith("slant score: " + start), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line, no trace: " + run.err());
    }

    @Test
    void aRecordLongerThanTheLimitIsCountedAndSkipped() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "id,text\n1,short\n2,\"" + "long ".repeat(400)
                + "\"\n3,after\n");
        Path out = dir.resolve("o.csv");
        CliRun run = CliRun.of(score("--input", in.toString(), "--id-column", "id", "--max-article-bytes", "1000",
                "--output", out.toString()));
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(run.err().contains("rejected, record too long: 1 (the first: " + in + ": record 2 (line 3): record "
                + "too long: 2,005 bytes, more than the limit of 1,000 bytes)"), run.err());
        assertEquals(3, Files.readAllLines(out).size());
        CliRun strict = CliRun.of(score("--input", in.toString(), "--max-article-bytes", "1000", "--strict",
                "--output", dir.resolve("o2.csv").toString()));
        assertEquals(ExitCodes.DATA, strict.code(), strict.err());
        assertEquals(ExitCodes.USAGE, CliRun.of(score("--input", in.toString(), "--max-article-bytes", "0",
                "--output", dir.resolve("o3.csv").toString())).code());
    }

    /**
     * A child JVM with a 48 MB heap reads 200 MB from standard input: a stray quote on line 3 opens a field that
     * would swallow all of it. It ends with exit 65 and "unterminated quote", not out of memory.
     */
    @Test
    void aStrayQuoteInAHugeInputIsAClearErrorInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                SlantCli.class.getName(), "score", "--model", bundle.toString(), "--input", "-", "--output", "-",
                "--format", "csv", "--quiet").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream stdin = child.getOutputStream()) {
            stdin.write("id,title,text\n1,T,fine\n2,\"T,stray quote\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = "3,T,an article body that goes on and on, line after line\n".repeat(1000)
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 200_000_000L; written += line.length) {
                stdin.write(line);
            }
        } catch (IOException e) {
            // The child may stop reading once it has failed.
        }
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.DATA, child.waitFor(), err);
        assertTrue(err.startsWith("slant score: standard input: record 2 (line 3), column 'title': unterminated quote: "
                + "a quoted field is open from line 3 to the end of the input"), err);
        assertFalse(err.contains("OutOfMemory"), err);
    }
}

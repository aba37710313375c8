package dev.slant.cli;

import dev.slant.inference.ExitCodes;
import dev.slant.inference.bundle.BundleReader;
import dev.slant.inference.features.FeaturizerSettings;
import dev.slant.inference.score.LinearScorer;
import dev.slant.inference.score.WeightPrecision;
import dev.slant.training.NewsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainAndEvaluateCommandTest {
    @TempDir
    Path dir;

    /** 240 articles of 12 outlets (see {@link NewsCsv}) and 20 copies under new ids. */
    private Path corpus() throws IOException {
        List<String> lines = NewsCsv.lines(240, 40, 5);
        // Copies of 20 articles under new ids: evaluate must make the same split as train, copies kept together.
        for (int i = 0; i < 20; i++) {
            String original = lines.get(1 + i * 7);
            lines.add("d" + i + original.substring(original.indexOf(',')));
        }
        return NewsCsv.write(dir.resolve("news.csv"), lines);
    }

    @Test
    void trainWritesABundleThatEvaluateReadsBackWithTheSameFigures() throws Exception {
        Path csv = corpus();
        Path model = dir.resolve("models").resolve("m.slant");
        String[] data = {"--input", csv.toString(), "--id-column", "id", "--title-column", "title", "--label", "stance=stance",
                "--meta", "host=host"};
        List<String> train = new ArrayList<>(List.of("train", "--split", "stratified", "--folds", "3",
                "--fold-draws", "2", "--min-outlets", "2", "--quiet", "--out", model.toString()));
        train.addAll(List.of(data));
        CliRun t = CliRun.of(train.toArray(String[]::new));
        assertEquals(ExitCodes.OK, t.code(), t.err());
        assertTrue(Files.isRegularFile(model));
        assertEquals(WeightPrecision.BFLOAT16, BundleReader.read(model).manifest().target("stance").precision(),
                "the trainer rounds LibLinear weights to bfloat16, so the bundle scores them from 2 bytes each");
        assertTrue(t.out().contains("outlets never seen (outlet-disjoint 3-fold CV)"), t.out());
        int at = t.out().indexOf("over 2 draws of the folds (seeds 42 to 43): macro-F1 ");
        assertTrue(at >= 0, t.out());
        String draws = t.out().substring(at, t.out().indexOf('\n', at));
        assertTrue(t.out().contains("stratified split, test part"), t.out());
        assertFalse(t.out().contains("Per class"), "the per-class table is in the report, not on the terminal\n" + t.out());
        Path reports = model.resolveSibling("m-report");
        for (String part : List.of("outlet-cv", "test")) {
            assertTrue(Files.isRegularFile(reports.resolve(part).resolve("report.md")), part);
        }
        assertTrue(Files.readString(reports.resolve("test").resolve("report.md")).contains("Per class"));
        assertEquals("", t.err(), "--quiet prints nothing on stderr");

        List<String> eval = new ArrayList<>(List.of("evaluate", "--model", model.toString(), "--split", "stratified",
                "--report", dir.resolve("report").toString()));
        eval.addAll(List.of(data));
        CliRun e = CliRun.of(eval.toArray(String[]::new));
        assertEquals(ExitCodes.OK, e.code(), e.err());
        assertTrue(e.out().contains("outlet-disjoint 3-fold CV, measured at training"), e.out());
        assertTrue(e.out().contains(draws), "evaluate repeats the draws from the bundle\n" + e.out());
        // The test figures that train printed are exactly what evaluate prints for the same split and part.
        assertEquals(row(t.out(), "stratified split, test part"), row(e.out(), "stratified split, test part"), e.out());
        assertTrue(Files.isRegularFile(dir.resolve("report").resolve("report.md")));
    }

    @Test
    void withoutOutletsTheCrossValidationSaysItHoldsOutArticlesNotOutlets() throws IOException {
        Path csv = corpus();
        Path model = dir.resolve("no-outlets.slant");
        // No --meta host=host: the corpus names no outlet, so the folds can only hold out articles.
        CliRun t = CliRun.of("train", "--input", csv.toString(), "--id-column", "id", "--label", "stance=stance",
                "--split", "stratified", "--folds", "3", "--min-outlets", "2", "--quiet", "--out", model.toString());
        assertEquals(ExitCodes.OK, t.code(), t.err());
        assertTrue(t.out().contains("article-level (the corpus names no outlet) 3-fold CV"), t.out());
        assertTrue(!t.out().contains("outlets never seen"), t.out());

        CliRun e = CliRun.of("evaluate", "--model", model.toString(), "--input", csv.toString(), "--id-column", "id",
                "--label", "stance=stance", "--split", "stratified");
        assertEquals(ExitCodes.OK, e.code(), e.err());
        assertTrue(e.out().contains("on held-out articles, outlets not controlled"), e.out());
    }

    @Test
    void keepWeightsPrunesTheBundlesModel() throws Exception {
        Path csv = corpus();
        Path model = dir.resolve("pruned.slant");
        String[] data = {"--input", csv.toString(), "--id-column", "id", "--label", "stance=stance", "--meta", "host=host"};
        List<String> train = new ArrayList<>(List.of("train", "--split", "stratified", "--no-outlet-cv", "--min-outlets", "2",
                "--keep-weights", "0.1", "--quiet", "--verbose", "--out", model.toString()));
        train.addAll(List.of(data));
        CliRun t = CliRun.of(train.toArray(String[]::new));
        assertEquals(ExitCodes.OK, t.code(), t.err());
        LinearScorer scorer = BundleReader.read(model).scorers().get("stance");
        assertFalse(scorer.sparse(), "3 labels stay dense: " + scorer);
        long nonZero = 0;
        for (int b = 0; b < scorer.buckets(); b++) {
            for (int k = 0; scorer.knows(b) && k < scorer.labels().size(); k++) {
                nonZero += scorer.weight(b, k) != 0 ? 1 : 0;
            }
        }
        long rowsTimesLabels = (long) scorer.knownBuckets() * scorer.labels().size();
        assertTrue(Math.abs(nonZero - rowsTimesLabels / 10.0) <= scorer.labels().size() + 2,
                nonZero + " of " + rowsTimesLabels + " weights kept");
        List<String> eval = new ArrayList<>(List.of("evaluate", "--model", model.toString(), "--split", "stratified",
                "--verbose"));
        eval.addAll(List.of(data));
        CliRun e = CliRun.of(eval.toArray(String[]::new));
        assertEquals(ExitCodes.OK, e.code(), e.err());
        String block = fullBlock(t.out());
        assertTrue(e.out().contains(block), "the figures printed at training are the pruned model's\n" + e.out());

        for (String command : List.of("train", "bench")) {
            CliRun bad = CliRun.of(command, "--input", csv.toString(), "--label", "stance=stance", "--keep-weights", "0");
            assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
            assertTrue(bad.err().contains("--keep-weights: the fraction of weights to keep must be in (0, 1], got 0.0"), bad.err());
        }
    }

    @Test
    void featurizerOptionsSetWhatTheBundleKeepsAndBadValuesAreUsageErrors() throws Exception {
        Path csv = corpus();
        Path model = dir.resolve("words.slant");
        CliRun t = CliRun.of("train", "--input", csv.toString(), "--id-column", "id", "--label", "stance=stance",
                "--meta", "host=host", "--split", "stratified", "--no-outlet-cv", "--min-outlets", "2", "--words", "1-1",
                "--buckets", "4096", "--min-token-length", "3", "--raw-chars", "2-3", "--title-weight", "0.25", "--quiet",
                "--out", model.toString());
        assertEquals(ExitCodes.OK, t.code(), t.err());
        FeaturizerSettings fs = BundleReader.read(model).featurizer().settings();
        assertEquals(List.of(1, 1), List.of(fs.wordMinN(), fs.wordMaxN()));
        assertEquals(4096, fs.buckets());
        assertEquals(3, fs.minTokenLength());
        assertEquals(List.of(2, 3), List.of(fs.rawCharMinN(), fs.rawCharMaxN()));
        assertEquals(0.25, fs.titleWeight());
        assertTrue(fs.dropNumbers(), "numbers are dropped by default");

        Path numbers = dir.resolve("numbers.slant");
        CliRun kept = CliRun.of("train", "--input", csv.toString(), "--id-column", "id", "--label", "stance=stance",
                "--meta", "host=host", "--split", "stratified", "--no-outlet-cv", "--min-outlets", "2", "--keep-numbers",
                "--quiet", "--out", numbers.toString());
        assertEquals(ExitCodes.OK, kept.code(), kept.err());
        assertFalse(BundleReader.read(numbers).featurizer().settings().dropNumbers());
        assertEquals(FeaturizerSettings.DEFAULTS.buckets(), BundleReader.read(numbers).featurizer().settings().buckets(),
                "2^20 buckets by default");
        assertEquals(FeaturizerSettings.DEFAULT_MIN_TOKEN_LENGTH, BundleReader.read(numbers).featurizer().settings().minTokenLength());
        assertFalse(BundleReader.read(numbers).featurizer().settings().rawCharNgrams(), "no raw character n-grams by default");
        assertEquals(FeaturizerSettings.DEFAULT_TITLE_WEIGHT, BundleReader.read(numbers).featurizer().settings().titleWeight());

        for (String n : List.of("1", "0", "-4", String.valueOf((1 << 26) + 1))) {
            CliRun bad = CliRun.of("train", "--input", csv.toString(), "--label", "stance=stance", "--buckets", n,
                    "--out", dir.resolve("never.slant").toString());
            assertEquals(ExitCodes.USAGE, bad.code(), n + ": " + bad.err());
            assertTrue(bad.err().contains("--buckets: buckets must be in [2, 2^26], got " + n), bad.err());
            assertFalse(Files.exists(dir.resolve("never.slant")));
        }

        for (String n : List.of("0", "11")) {
            CliRun bad = CliRun.of("train", "--input", csv.toString(), "--label", "stance=stance", "--min-token-length", n,
                    "--out", dir.resolve("never.slant").toString());
            assertEquals(ExitCodes.USAGE, bad.code(), n + ": " + bad.err());
            assertTrue(bad.err().contains("--min-token-length: minTokenLength must be in [1, 10], got " + n), bad.err());
            assertFalse(Files.exists(dir.resolve("never.slant")));
        }

        for (String option : List.of("--words", "--raw-chars")) {
            for (String range : List.of("3-1", "x", "1-2-3", "0-2")) {
                CliRun bad = CliRun.of("train", "--input", csv.toString(), "--label", "stance=stance", option, range,
                        "--out", dir.resolve("never.slant").toString());
                assertEquals(ExitCodes.USAGE, bad.code(), range + ": " + bad.err());
                assertTrue(bad.err().contains(option + " '" + range + "': "), bad.err());
                assertFalse(Files.exists(dir.resolve("never.slant")));
            }
        }

        CliRun negative = CliRun.of("train", "--input", csv.toString(), "--label", "stance=stance", "--title-weight", "-1",
                "--out", dir.resolve("never.slant").toString());
        assertEquals(ExitCodes.USAGE, negative.code(), negative.err());
        assertTrue(negative.err().contains("--title-weight: titleWeight must be 0 or a positive finite number, got -1.0"),
                negative.err());
        assertFalse(Files.exists(dir.resolve("never.slant")));
    }

    @Test
    void modelMinOutletsKeepsFewerNgramsInTheModelThanTheFeaturizer() throws Exception {
        Path csv = corpus();
        String[] common = {"train", "--input", csv.toString(), "--id-column", "id", "--label", "stance=stance",
                "--meta", "host=host", "--split", "stratified", "--no-outlet-cv", "--min-outlets", "2", "--quiet", "--verbose"};
        Path all = dir.resolve("all.slant");
        Path fewer = dir.resolve("fewer.slant");
        List<String> a = new ArrayList<>(List.of(common));
        a.addAll(List.of("--out", all.toString()));
        List<String> f = new ArrayList<>(List.of(common));
        f.addAll(List.of("--model-min-outlets", "8", "--out", fewer.toString()));
        CliRun ta = CliRun.of(a.toArray(String[]::new));
        CliRun tf = CliRun.of(f.toArray(String[]::new));
        assertEquals(ExitCodes.OK, ta.code(), ta.err());
        assertEquals(ExitCodes.OK, tf.code(), tf.err());
        LinearScorer every = BundleReader.read(all).scorers().get("stance");
        LinearScorer some = BundleReader.read(fewer).scorers().get("stance");
        assertTrue(some.knownBuckets() > 0 && some.knownBuckets() < every.knownBuckets(),
                some.knownBuckets() + " of " + every.knownBuckets() + " buckets");
        for (int b = 0; b < some.buckets(); b++) {
            assertTrue(!some.knows(b) || every.knows(b), "bucket " + b + " is one the featurizer keeps");
        }
        assertTrue(tf.out().contains("n-grams of 8+ outlets"), "the trainer says its filter\n" + tf.out());
        assertEquals(BundleReader.read(fewer).featurizer().settings(), BundleReader.read(all).featurizer().settings(),
                "the featurizer is the same; only the model keeps fewer n-grams");
        assertTrue(some.knownUnitLength() && !every.knownUnitLength(), some + " / " + every);
        CliRun e = CliRun.of("evaluate", "--model", fewer.toString(), "--input", csv.toString(), "--id-column", "id",
                "--label", "stance=stance", "--meta", "host=host", "--split", "stratified", "--verbose");
        assertEquals(ExitCodes.OK, e.code(), e.err());
        String block = fullBlock(tf.out());
        assertTrue(e.out().contains(block), "the loaded bundle scores as the trained model did\n" + block + "\n" + e.out());

        CliRun bad = CliRun.of("train", "--input", csv.toString(), "--label", "stance=stance", "--model-min-outlets", "0",
                "--out", dir.resolve("never.slant").toString());
        assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
        assertTrue(bad.err().contains("--model-min-outlets must be at least 1, got 0"), bad.err());
        assertFalse(Files.exists(dir.resolve("never.slant")));
    }

    @Test
    void theClassWeightsExponentIsCheckedBeforeReading() throws IOException {
        Path csv = corpus();
        CliRun bad = CliRun.of("train", "--input", csv.toString(), "--label", "stance=stance", "--balance", "1.5");
        assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
        assertTrue(bad.err().contains("--balance: the class weights' exponent (balance) must be in [0, 1], got 1.5"), bad.err());
        CliRun both = CliRun.of("train", "--input", csv.toString(), "--label", "stance=stance", "--balance", "0.5", "--no-balance");
        assertEquals(ExitCodes.USAGE, both.code(), both.err());
        assertTrue(both.err().contains("give --balance P or --no-balance, not both"), both.err());
        CliRun noDraw = CliRun.of("train", "--input", csv.toString(), "--label", "stance=stance", "--fold-draws", "0");
        assertEquals(ExitCodes.USAGE, noDraw.code(), noDraw.err());
        assertTrue(noDraw.err().contains("fold draws must be at least 1, got 0"), noDraw.err());
    }

    @Test
    void aForeignModelFileIsBadInputNamingTheFile() throws IOException {
        Path bogus = dir.resolve("bogus.slant");
        Files.writeString(bogus, "not a zip");
        CliRun e = CliRun.of("evaluate", "--model", bogus.toString(), "--input", corpus().toString(), "--label", "stance=stance");
        assertEquals(ExitCodes.DATA, e.code(), e.err());
        assertTrue(e.err().contains(bogus.toString()), e.err());
    }

    @Test
    void theOutputPathIsCheckedBeforeTraining() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder.slant"));
        CliRun t = CliRun.of("train", "--input", corpus().toString(), "--label", "stance=stance", "--split", "stratified",
                "--quiet", "--out", folder.toString());
        assertEquals(ExitCodes.FAILURE, t.code(), t.err());
        assertEquals("slant train: cannot write " + folder + ": it is a folder", t.err().strip(), "one line");
    }

    /** The cells of the headline row that starts with an evaluation's name, whatever the column widths. */
    private static List<String> row(String out, String evaluation) {
        return out.lines().map(String::strip).filter(l -> l.startsWith(evaluation + "  ")).findFirst()
                .map(l -> List.of(l.split("\\s{2,}"))).orElseThrow(() -> new AssertionError(evaluation + " in\n" + out));
    }

    /** The full report's block of the stance evaluation that --verbose prints, up to its ECE note. */
    private static String fullBlock(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("== stance \\(\\d+ articles").matcher(out);
        assertTrue(m.find(), out);
        return out.substring(m.start(), out.indexOf("* ECE", m.start()));
    }
}

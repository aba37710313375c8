package dev.slant.spark;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.io.RecordProblem;
import dev.slant.inference.Prediction;
import dev.slant.inference.SlantClassifier;
import dev.slant.inference.TargetPrediction;
import dev.slant.inference.eval.ClassFigures;
import dev.slant.inference.eval.Figures;
import dev.slant.inference.eval.MajorityBaseline;
import dev.slant.inference.eval.TargetTally;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark API in local[2] mode against the library: the same predictions, bad rows skipped and counted. */
class SlantSparkTest {
    static SparkSession spark;
    static RealBundle real;
    static SlantSpark slant;
    static SlantClassifier classifier;
    static Dataset<Row> input;
    static Dataset<Row> inOrder;

    @BeforeAll
    static void start() throws Exception {
        real = RealBundle.get();
        spark = LocalSpark.start();
        slant = SlantSpark.load(spark, real.file);
        classifier = real.classifier;
        inOrder = Articles.dataset(spark, real.test);
        input = inOrder.repartition(3).cache();
        input.count();
        unseenArticles = real.test.subList(0, UNSEEN_ROWS);
        unseenGold = new ArrayList<>();
        unseenRows = new ArrayList<>();
        for (int i = 0; i < UNSEEN_ROWS; i++) {
            LabelledArticle a = unseenArticles.get(i);
            unseenGold.add(unseenGold(i, a.labels().get("stance").orElseThrow()));
            unseenRows.add(Articles.row(a, unseenGold.get(i)));
        }
    }

    /** Gold labels the stance model never saw; "biased" sorts before the model's labels, "undecided" after. */
    static final String BIASED = "biased";
    static final String UNDECIDED = "undecided";
    /** Rows of the unseen-label fixture: 4 partitions of 60 when cut in 4. */
    static final int UNSEEN_ROWS = 240;
    static List<LabelledArticle> unseenArticles;
    static List<String> unseenGold;
    static List<Row> unseenRows;

    /**
     * Six of each 60 rows get a label the model never saw: none of the first 60, 'undecided' in the second,
     * 'biased' in the third, both (three each) in the fourth; 9 of each in all.
     */
    private static String unseenGold(int i, String own) {
        if (i % 10 != 3) {
            return own;
        }
        return switch (i / 60) {
            case 0 -> own;
            case 1 -> UNDECIDED;
            case 2 -> BIASED;
            default -> i % 20 == 3 ? UNDECIDED : BIASED;
        };
    }

    @AfterAll
    static void stop() {
        if (slant != null) {
            slant.close();
        }
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void scoresThePublishedTestArticlesExactlyAsTheLibraryDoes() {
        assertEquals(1_300, real.test.size());
        List<Row> rows = slant.score(input, Articles.MAPPING, true).collectAsList();
        assertEquals(1_300 + 1, rows.size(), "every good row once, bad rows skipped");
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(r -> assertNull(byId.put(r.getAs("id"), r), "id twice: " + r));
        for (LabelledArticle a : real.test) {
            Articles.assertScored(real, a.article(), byId.get(a.id()), true);
        }
        assertEquals(List.of("id", "stance", "stance_probability", "stance_p_left", "stance_p_center", "stance_p_right",
                "topic", "topic_probability"), slant.columns(true).names().subList(0, 8));
    }

    @Test
    void anAbstainingTargetHasNullLabelAndProbability() {
        Article none = Article.of(Articles.ABSTAINS, "", "!!! ???");
        assertTrue(classifier.classify(none).targets().stream().allMatch(TargetPrediction::abstained),
                "the fixture's row must abstain");
        Row row = slant.score(input, Articles.MAPPING, true).filter("id = '" + Articles.ABSTAINS + "'").first();
        Articles.assertScored(real, none, row, true);
        assertNull((Object) row.getAs("stance_p_left"));
    }

    @Test
    void badRowsAreSkippedAndCountedByReason() {
        RowCounts counts = slant.count(input, Articles.MAPPING, false);
        assertEquals(1_300 + 1 + Articles.BAD, counts.rows());
        assertEquals(Map.of(RecordProblem.Reason.MALFORMED, 2L, RecordProblem.Reason.EMPTY_TEXT, 2L), counts.skipped());
        assertEquals("4 skipped: 2 empty text, 2 malformed record", counts.describeSkipped());
        assertEquals(counts.kept(), slant.score(input, Articles.MAPPING, false).count());
    }

    @Test
    void strictNamesTheFirstBadRow() {
        Optional<String> bad = slant.firstBadRow(inOrder.coalesce(1), Articles.MAPPING, false);
        assertEquals(Optional.of("input: row without id (title 'A title without id'), column 'ID': malformed record: no id"), bad);
        Dataset<Row> good = input.filter("ID not in ('no-text', 'blank-text') and ID is not null and trim(ID) != ''");
        assertFalse(slant.firstBadRow(good, Articles.MAPPING, false).isPresent());
    }

    @Test
    void aMissingColumnIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> slant.score(input.drop("title"), Articles.MAPPING, false));
        assertTrue(e.getMessage().startsWith("the input has no column 'title' (the title column); its columns are [ID, "),
                e.getMessage());
    }

    @Test
    void evaluationTalliesWhatTheLibraryPredicts() {
        EvaluationTally tally = slant.evaluate(input, Articles.mapping(true));
        TargetTally stance = tally.targets().get("stance");
        List<String> labels = classifier.labels("stance");
        long[][] expected = new long[3][3];
        long abstained = 0;
        for (LabelledArticle a : real.test) {
            Prediction p = real.expected(a.article());
            int gold = labels.indexOf(a.labels().get("stance").orElseThrow());
            expected[gold][labels.indexOf(p.target("stance").label())]++;
        }
        // The abstaining row is labelled 'left' and counted as an abstention.
        abstained++;
        for (int g = 0; g < 3; g++) {
            for (int p = 0; p < 3; p++) {
                assertEquals(expected[g][p], stance.count(g, p), "cell " + g + "," + p);
            }
        }
        assertEquals(abstained, stance.abstentions());
        assertEquals(1_301, stance.articles());
        assertEquals(Map.of(RecordProblem.Reason.MALFORMED, 2L, RecordProblem.Reason.EMPTY_TEXT, 2L), tally.skipped());
        assertEquals(1_301 - stance.abstentions(), stance.calibrated());
    }

    @Test
    void aGoldLabelTheModelNeverSawIsItsErrorAsTrainingCountsIt() {
        Dataset<Row> rows = Articles.partitioned(spark, unseenRows, 4);
        assertEquals(4, rows.javaRDD().getNumPartitions());
        EvaluationTally tally = slant.evaluate(rows, Articles.mapping(true));
        assertEquals(Map.of(), tally.skipped(), "a gold label the model does not know is no bad row");
        assertEquals(Map.of(), slant.count(rows, Articles.mapping(true), true).skipped());
        TargetTally stance = tally.targets().get("stance");
        assertEquals(UNSEEN_ROWS, stance.articles(), "every row evaluated");

        TargetSetup setup = TargetSetup.of(classifier.manifest(), "stance");
        TrainingWay training = TrainingWay.of("stance", setup.labels(), classifier.labels("stance"), setup.ordinal(),
                new MajorityBaseline("right", Map.of("left", 0.3, "center", 0.315, "right", 0.385)),
                TrainingWay.outcomes(real, "stance", unseenArticles, unseenGold));
        assertEquals(List.of(BIASED, "center", "left", "right", UNDECIDED), training.labels(),
                "the fixture must make EvaluationLabels sort the union");
        assertEquals(training.labels(), stance.labels());
        assertTrue(training.model().mae().isEmpty(), "labels off stance's scale: no MAE");
        Figures figures = Figures.of(stance, false);
        assertEquals(training.model().accuracy(), figures.accuracy());
        assertEquals(training.model().macroF1(), figures.macroF1());
        assertEquals(training.model().weightedF1(), figures.weightedF1());
        for (String unseen : List.of(BIASED, UNDECIDED)) {
            ClassFigures expected = training.model().perClass().get(training.labels().indexOf(unseen));
            ClassFigures actual = figures.perClass().get(stance.labels().indexOf(unseen));
            assertEquals(unseen, actual.label());
            assertEquals(9, expected.support(), unseen);
            assertEquals(expected.support(), actual.support(), unseen);
            assertEquals(0.0, expected.recall(), unseen);
            assertEquals(expected.recall(), actual.recall(), unseen);
        }
        String block = EvaluationReport.render(setup, stance);
        assertEquals(training.block(), block);
        assertTrue(block.contains("\nundecided "), block);
    }

    @Test
    void theMergedTallyIsTheSameHoweverTheRowsArePartitioned() {
        TargetTally one = slant.evaluate(Articles.partitioned(spark, unseenRows, 1), Articles.mapping(true))
                .targets().get("stance");
        List<Row> reversed = new ArrayList<>(unseenRows);
        Collections.reverse(reversed);
        TargetTally seven = slant.evaluate(Articles.partitioned(spark, reversed, 7), Articles.mapping(true))
                .targets().get("stance");
        assertEquals(one.labels(), seven.labels());
        for (int g = 0; g < one.labels().size(); g++) {
            for (int p = 0; p < one.labels().size(); p++) {
                assertEquals(one.count(g, p), seven.count(g, p), "cell " + g + "," + p);
            }
            assertEquals(one.abstained(g), seven.abstained(g));
        }
        assertEquals(one.calibrated(), seven.calibrated());
        assertEquals(Figures.of(one, false), Figures.of(seven, false), "every figure to the last digit, ECE included");
        TargetSetup setup = TargetSetup.of(classifier.manifest(), "stance");
        assertEquals(EvaluationReport.render(setup, one), EvaluationReport.render(setup, seven));
    }

    @Test
    void driftCountsEveryGoodRowAsTheLibraryPredictsIt() {
        dev.slant.inference.drift.DriftTally expected = new dev.slant.inference.drift.DriftTally(
                dev.slant.inference.drift.DriftReference.fromMetrics(classifier.manifest().metrics()).orElseThrow());
        real.test.forEach(a -> expected.add(real.expected(a.article())));
        expected.add(classifier.classify(Article.of(Articles.ABSTAINS, "", "!!! ???")));
        dev.slant.inference.drift.DriftReport report = slant.drift(input, Articles.MAPPING).orElseThrow();
        assertEquals(real.test.size() + 1, report.articles(), "every good row, the abstaining one too");
        for (dev.slant.inference.drift.DriftReport.Signal s : expected.report().signals()) {
            assertEquals(s.psi(), report.signal(s.name()).psi(), 1e-9, s.name());
            assertEquals(s.chiSquare(), report.signal(s.name()).chiSquare(), 1e-6, s.name());
        }
    }
}

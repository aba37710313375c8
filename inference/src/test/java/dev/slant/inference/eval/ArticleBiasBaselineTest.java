package dev.slant.inference.eval;

import dev.slant.datasets.RealData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The majority baseline on the article-bias test set of both published splits, checked against the figures the
 * corpus README gives for always predicting "right": accuracy 46.08, macro-F1 21.03.
 */
class ArticleBiasBaselineTest {
    private static final List<String> STANCE = List.of("left", "center", "right");

    /** The gold stances of one split part: file rows {@code ID<TAB>bias}, bias 0 left, 1 center, 2 right. */
    private static List<String[]> read(Path file) {
        List<String[]> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t");
                rows.add(new String[] {f[0], STANCE.get(Integer.parseInt(f[1]))});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static TargetEvaluation baselineOn(String split) {
        Path dir = RealData.require("article-bias").resolve("splits").resolve(split);
        List<String> training = read(dir.resolve("train.tsv")).stream().map(r -> r[1]).toList();
        MajorityBaseline majority = MajorityBaseline.fromTrainingLabels(STANCE, training);
        List<Outcome> test = new ArrayList<>();
        for (String[] r : read(dir.resolve("test.tsv"))) {
            test.add(Outcome.answered(r[0], r[1], majority.label(), majority.trainingShare()));
        }
        return TargetEvaluation.of("stance", STANCE, true, majority, test);
    }

    @Test
    void mediaSplitBaselineMatchesThePublishedFigures() {
        TargetEvaluation e = baselineOn("media");
        assertEquals("majority 'right'", e.baseline());
        Figures b = e.baselineFigures();
        assertEquals(1300, b.articles());
        assertEquals("46.08", Format.percent(b.accuracy()));
        assertEquals("21.03", Format.percent(b.macroF1()));
        // 402 left at distance 2, 299 center at 1: 1103 / 1300.
        assertEquals(1103.0 / 1300, b.mae().getAsDouble(), 1e-12);
        // A model that is the baseline scores the same.
        assertEquals(b.accuracy(), e.model().accuracy());
        assertEquals(b.ece(), e.model().ece());
    }

    @Test
    void randomSplitBaselineIsAlsoRight() {
        Figures b = baselineOn("random").baselineFigures();
        assertEquals("46.08", Format.percent(b.accuracy()));
        assertEquals("21.03", Format.percent(b.macroF1()));
        assertEquals(Map.of("left", 402, "center", 299, "right", 599), Map.of("left", b.perClass().get(0).support(),
                "center", b.perClass().get(1).support(), "right", b.perClass().get(2).support()));
    }
}

package dev.slant.inference.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slant.inference.eval.Calibration;
import dev.slant.inference.eval.CrossValidationTest;
import dev.slant.inference.eval.Figures;
import dev.slant.inference.eval.MajorityBaseline;
import dev.slant.inference.eval.Outcome;
import dev.slant.inference.eval.Outcomes;
import dev.slant.inference.eval.TargetEvaluation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static dev.slant.inference.eval.Outcomes.LCR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRenderingTest {
    /** Gold L C R R; C and the second R abstained; baseline 'R'. Figures as in TargetEvaluationTest. */
    private static TargetEvaluation withAbstentions() {
        return TargetEvaluation.of("stance", LCR, true, "R", Outcomes.of("a", "LCRR", "L-R-"));
    }

    /** Two labels with awkward characters, probabilities, one article per confidence bin edge region. */
    private static TargetEvaluation withProbabilities() {
        List<String> labels = List.of("A&B", "<x>");
        return TargetEvaluation.of("veracity", labels, false,
                MajorityBaseline.fromTrainingLabels(labels, List.of("A&B", "A&B", "<x>")),
                List.of(Outcome.answered("1", "A&B", "A&B", Map.of("A&B", 0.9, "<x>", 0.1)),
                        Outcome.answered("2", "<x>", "A&B", Map.of("A&B", 0.9, "<x>", 0.1)),
                        Outcome.answered("3", "<x>", "<x>", Map.of("A&B", 0.4, "<x>", 0.6)),
                        Outcome.abstained("4", "<x>", Map.of())));
    }

    @Test
    void plainTextShowsEveryFigureBesideTheBaseline() {
        String expected = """
                == stance (4 articles, ordinal) ==

                Figures (%, MAE in label steps)
                figure       model  majority 'R'
                accuracy     50.00         50.00
                macro-F1     55.56         22.22
                weighted-F1  58.33         33.33
                MAE          1.000         0.750
                ECE            n/a           n/a

                Per class (%)
                label  precision  recall      F1  support  predicted
                L         100.00  100.00  100.00        1          1
                C           0.00    0.00    0.00        1          0
                R         100.00   50.00   66.67        2          1

                Confusion matrix (rows gold, columns predicted)
                gold \\ predicted  L  C  R  (abstained)  support
                L                 1  0  0            0        1
                C                 0  0  0            1        1
                R                 0  0  1            1        2

                * 2 of 4 articles abstained: counted as wrong, as missed articles of their gold label, and as distance 2 for MAE.
                * Never predicted: C (precision 0).
                * ECE not measured: the model gave no probabilities.
                * Baseline ECE not measured: only the majority label was given, not the training label shares.
                """;
        assertEquals(expected, PlainTextReport.render(List.of(withAbstentions())));
    }

    @Test
    void markdownHasTheSameContentAsTables() {
        String md = MarkdownReport.render(List.of(withAbstentions(), CrossValidationTest.threeFolds()));
        assertTrue(md.startsWith("# Evaluation\n\n## stance (4 articles, ordinal)\n"), md);
        assertTrue(md.contains("| figure | model | majority 'R' |\n| :-- | --: | --: |\n| accuracy | 50.00 | 50.00 |\n"
                + "| macro-F1 | 55.56 | 22.22 |\n"), md);
        assertTrue(md.contains("| gold \\\\ predicted | L | C | R | (abstained) | support |\n"), md);
        assertTrue(md.contains("\n## stance: 3-fold cross-validation\n"), md);
        // mean 75.00 / 33.33 accuracy, 55.56 / 14.81 macro-F1, MAE 0.417 / 1.083; std 25.00 / 28.87, ...
        assertTrue(md.contains("| mean |  |  | 75.00 | 33.33 | 55.56 | 14.81 | 0.417 | 1.083 |\n"), md);
        assertTrue(md.contains("| std |  |  | 25.00 | 28.87 | 29.40 | 12.83 | 0.520 | 0.382 |\n"), md);
        assertTrue(md.contains("\n## stance: all folds pooled (8 articles, ordinal)\n"), md);
        assertTrue(md.contains("- Never predicted: C (precision 0).\n"), md);
    }

    @Test
    void jsonHasAStableFieldOrderAndNullsForWhatWasNotMeasured() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(List.of(withAbstentions(),
                CrossValidationTest.threeFolds())));
        assertEquals(List.of("format", "targets"), names(root));
        assertEquals(JsonReport.FORMAT, root.get("format").asText());
        JsonNode single = root.get("targets").get(0);
        assertEquals(List.of("target", "kind", "labels", "ordinal", "baseline", "model", "baselineFigures"),
                names(single));
        JsonNode model = single.get("model");
        assertEquals(List.of("articles", "abstained", "correct", "accuracy", "macroF1", "weightedF1", "mae", "ece",
                "perClass", "confusion", "calibration"), names(model));
        assertEquals(0.5, model.get("accuracy").asDouble());
        assertEquals(1.0, model.get("mae").asDouble());
        assertTrue(model.get("ece").isNull());
        assertTrue(model.get("calibration").isNull());
        assertEquals("[[1,0,0],[0,0,0],[0,0,1]]", model.get("confusion").get("counts").toString());
        assertEquals("[0,1,1]", model.get("confusion").get("abstained").toString());

        JsonNode cv = root.get("targets").get(1);
        assertEquals(List.of("target", "kind", "labels", "ordinal", "folds", "model", "baseline", "pooled"), names(cv));
        assertEquals("cross-validation", cv.get("kind").asText());
        assertEquals(3, cv.get("folds").size());
        assertEquals(0.25, cv.get("model").get("accuracy").get("standardDeviation").asDouble(), 1e-12);
        assertEquals(0.75, cv.get("pooled").get("model").get("accuracy").asDouble(), 1e-12);
    }

    @Test
    void jsonCalibrationListsEveryBin() throws Exception {
        JsonNode calibration = new ObjectMapper().readTree(JsonReport.render(List.of(withProbabilities())))
                .get("targets").get(0).get("model").get("calibration");
        assertEquals(Calibration.BINS, calibration.get("binned").size());
        assertEquals(3, calibration.get("measured").asInt());
        assertEquals(1, calibration.get("unmeasured").asInt());
        JsonNode bin13 = calibration.get("binned").get(13);
        assertEquals(List.of("index", "lower", "upper", "count", "correct", "meanConfidence", "accuracy"), names(bin13));
        assertEquals(2, bin13.get("count").asInt());
        assertEquals(0.5, bin13.get("accuracy").asDouble());
        assertTrue(calibration.get("binned").get(0).get("accuracy").isNull());
        // (|1 - 1.8| + |1 - 0.6|) / 3
        assertEquals(1.2 / 3, calibration.get("ece").asDouble(), 1e-12);
    }

    @Test
    void confusionSvgIsWellFormedAndShowsEveryCount() throws Exception {
        Document svg = parse(ConfusionMatrixSvg.render(withAbstentions()));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());
        List<String> texts = texts(svg);
        // 3 rows x (3 labels + abstained) cells, in row order, after the titles and the 4 column and 3 row labels.
        List<String> cells = new ArrayList<>();
        for (String t : texts) {
            if (t.matches("\\d+")) {
                cells.add(t);
            }
        }
        assertEquals(List.of("1", "0", "0", "0", "0", "0", "0", "1", "0", "0", "1", "1"), cells);
        assertTrue(texts.containsAll(List.of("L", "C", "R", "(abstained)", "gold", "predicted")), texts.toString());
    }

    @Test
    void svgsEscapeLabels() throws Exception {
        List<String> texts = texts(parse(ConfusionMatrixSvg.render(withProbabilities())));
        assertTrue(texts.containsAll(List.of("A&B", "<x>")), texts.toString());
    }

    @Test
    void reliabilitySvgIsWellFormedWithABarPerNonEmptyBin() throws Exception {
        Document svg = parse(ReliabilityDiagramSvg.render(withProbabilities()));
        // bins 8 (0.6, 1 article) and 13 (0.9, 2 articles): two bars, with background and frame 4 rects.
        assertEquals(4, svg.getElementsByTagName("rect").getLength());
        assertEquals(2, svg.getElementsByTagName("circle").getLength());
        assertEquals(1, count(svg, "line", "stroke-dasharray"), "one dashed diagonal");
        List<String> texts = texts(svg);
        assertEquals("veracity: reliability diagram, ECE 40.00% over 3 articles", texts.get(0));
        assertTrue(texts.containsAll(List.of("1", "2")), texts.toString());
    }

    @Test
    void reliabilitySvgWithoutProbabilitiesSaysSo() throws Exception {
        List<String> texts = texts(parse(ReliabilityDiagramSvg.render(withAbstentions())));
        assertEquals(List.of("stance: reliability diagram", "not measured: the model gave no probabilities"), texts);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static int count(Document svg, String tag, String attribute) {
        NodeList nodes = svg.getElementsByTagName(tag);
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            if (((org.w3c.dom.Element) nodes.item(i)).hasAttribute(attribute)) {
                n++;
            }
        }
        return n;
    }
}

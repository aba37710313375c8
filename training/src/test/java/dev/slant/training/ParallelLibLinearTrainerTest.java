package dev.slant.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.inference.score.BFloat16;
import dev.slant.inference.score.LibLinearWeightCompaction;
import dev.slant.inference.score.WeightPrecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class ParallelLibLinearTrainerTest {
    private static final LabelFactory LABELS = new LabelFactory();
    private static final String[] CLASSES = {"a", "b", "c", "d", "e"};

    /** 5 imbalanced classes, each with its own cue features among shared noise. */
    private static MutableDataset<Label> data(long seed) {
        Random r = new Random(seed);
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", LABELS), LABELS);
        for (int i = 0; i < 400; i++) {
            int c = i % 10 < 4 ? 0 : i % 10 < 6 ? 1 : i % 10 < 8 ? 2 : i % 10 < 9 ? 3 : 4;
            ArrayExample<Label> e = new ArrayExample<>(new Label(CLASSES[c]));
            for (int k = 0; k < 12; k++) {
                boolean cue = r.nextDouble() < 0.35;
                String f = cue ? "cue" + c + "_" + r.nextInt(4) : "noise" + r.nextInt(40);
                if (e.lookup(f) == null) {
                    e.add(f, 1.0 + r.nextInt(3));
                }
            }
            d.add(e);
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Model<Label> roundedToBFloat16(Model<Label> m) {
        return (Model<Label>) Model.deserialize(LibLinearWeightCompaction.compact(m.serialize(), 1.0, WeightPrecision.BFLOAT16));
    }

    private static double[][] decisions(Model<Label> m, List<Example<Label>> xs) {
        double[][] out = new double[xs.size()][CLASSES.length];
        List<Prediction<Label>> ps = m.predict(xs);
        for (int i = 0; i < ps.size(); i++) {
            Map<String, Label> scores = ps.get(i).getOutputScores();
            for (int c = 0; c < CLASSES.length; c++) {
                out[i][c] = scores.get(CLASSES[c]).getScore();
            }
        }
        return out;
    }

    private static Map<Label, Float> balanced(MutableDataset<Label> d) {
        List<String> labels = new ArrayList<>();
        d.forEach(e -> labels.add(e.getOutput().getLabel()));
        return TrainerSettings.classWeights(labels, 1);
    }

    @Test
    void theModelIsTheSameWhateverTheThreads() {
        MutableDataset<Label> d = data(1);
        List<Example<Label>> xs = new ArrayList<>(data(2).getData());
        double[][] first = null;
        for (int threads : new int[] {1, 2, 5}) {
            ParallelLibLinearTrainer t = new ParallelLibLinearTrainer(new LinearClassificationType(LinearType.L2R_L2LOSS_SVC_DUAL),
                    0.3, 1000, 0.1, 42, threads);
            t.setLabelWeights(balanced(d));
            double[][] dv = decisions(t.train(d), xs);
            if (first == null) {
                first = dv;
            } else {
                for (int i = 0; i < dv.length; i++) {
                    assertArrayEquals(first[i], dv[i], 0.0, "threads " + threads + ", example " + i);
                }
            }
        }
    }

    /** Solved tightly, the parallel one-vs-rest problems reach LibLinear's own multi-class solution, weights included. */
    @Test
    void solvedTightlyItAgreesWithLibLinearsOwnOneVsRest() {
        MutableDataset<Label> d = data(3);
        List<Example<Label>> xs = new ArrayList<>(data(4).getData());
        for (LinearType type : new LinearType[] {LinearType.L2R_L2LOSS_SVC_DUAL, LinearType.L2R_LR}) {
            LibLinearClassificationTrainer own = new LibLinearClassificationTrainer(new LinearClassificationType(type), 0.5, 100_000, 1e-9, 7);
            ParallelLibLinearTrainer parallel = new ParallelLibLinearTrainer(new LinearClassificationType(type), 0.5, 100_000, 1e-9, 7, 2);
            own.setLabelWeights(balanced(d));
            parallel.setLabelWeights(balanced(d));
            // Slant's trainer rounds every weight to bfloat16; so does this, to LibLinear's own solution.
            double[][] expected = decisions(roundedToBFloat16(own.train(d)), xs);
            double[][] actual = decisions(parallel.train(d), xs);
            for (int i = 0; i < xs.size(); i++) {
                assertArrayEquals(expected[i], actual[i], 1e-4, type + ", example " + i);
            }
        }
    }

    @Test
    void twoClassProblemsTakeLibLinearsOwnPath() {
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("two", LABELS), LABELS);
        data(5).forEach(e -> {
            ArrayExample<Label> copy = new ArrayExample<>(new Label(e.getOutput().getLabel().equals("a") ? "a" : "z"));
            e.forEach(f -> copy.add(f.getName(), f.getValue()));
            d.add(copy);
        });
        LinearClassificationType svm = new LinearClassificationType(LinearType.L2R_L2LOSS_SVC_DUAL);
        List<Example<Label>> xs = new ArrayList<>(d.getData());
        List<Prediction<Label>> own = roundedToBFloat16(new LibLinearClassificationTrainer(svm, 0.3, 1000, 0.1, 42).train(d)).predict(xs);
        List<Prediction<Label>> par = new ParallelLibLinearTrainer(svm, 0.3, 1000, 0.1, 42, 2).train(d).predict(xs);
        for (int i = 0; i < xs.size(); i++) {
            // the same solution, its weights rounded to bfloat16
            assertEquals(own.get(i).getOutput().getScore(), par.get(i).getOutput().getScore(), 1e-6);
        }
        assertTrue(xs.size() > 100);
    }

    /** Bundles store weights as bfloat16; the trained model already is that model, for two classes and for more. */
    @Test
    void everyWeightIsABFloat16() {
        MutableDataset<Label> d = data(6);
        MutableDataset<Label> two = new MutableDataset<>(new SimpleDataSourceProvenance("two", LABELS), LABELS);
        d.forEach(e -> {
            ArrayExample<Label> copy = new ArrayExample<>(new Label(e.getOutput().getLabel().equals("a") ? "a" : "z"));
            e.forEach(f -> copy.add(f.getName(), f.getValue()));
            two.add(copy);
        });
        LinearClassificationType svm = new LinearClassificationType(LinearType.L2R_L2LOSS_SVC_DUAL);
        for (MutableDataset<Label> set : List.of(d, two)) {
            var model = (org.tribuo.common.liblinear.LibLinearModel<Label>) new ParallelLibLinearTrainer(svm, 0.3, 1000, 0.1, 42, 2).train(set);
            double[] w = model.getInnerModels().get(0).getFeatureWeights();
            int changed = 0;
            for (double v : w) {
                assertTrue(BFloat16.isExact(v), v + " is not a bfloat16");
                changed += v != 0 ? 1 : 0;
            }
            assertTrue(changed > 10, "weights trained: " + changed);
        }
        double[] own = ((org.tribuo.common.liblinear.LibLinearModel<Label>) new LibLinearClassificationTrainer(svm, 0.3, 1000, 0.1, 42)
                .train(two)).getInnerModels().get(0).getFeatureWeights();
        boolean anyDouble = false;
        for (double v : own) {
            anyDouble |= !BFloat16.isExact(v);
        }
        assertTrue(anyDouble, "LibLinear's own weights are not bfloat16, so the check above can fail");
    }

    @Test
    void rejectsFewerThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelLibLinearTrainer(
                new LinearClassificationType(LinearType.L2R_L2LOSS_SVC_DUAL), 0.3, 1000, 0.1, 42, 0));
    }

    /** The reflectively assembled model equals the one LibLinear reads from its own text format, bit for bit. */
    @Test
    void theAssembledModelIsTheOneLibLinearReadsFromItsTextFormat() throws Exception {
        java.util.Random r = new java.util.Random(5);
        de.bwaldvogel.liblinear.Model[] binary = new de.bwaldvogel.liblinear.Model[3];
        for (int c = 0; c < binary.length; c++) {
            de.bwaldvogel.liblinear.Problem p = new de.bwaldvogel.liblinear.Problem();
            p.l = 40;
            p.n = 7;
            p.bias = 1;
            p.x = new de.bwaldvogel.liblinear.Feature[p.l][];
            p.y = new double[p.l];
            for (int i = 0; i < p.l; i++) {
                p.y[i] = i == 0 ? 1 : i == 1 ? -1 : r.nextBoolean() ? 1 : -1;
                p.x[i] = new de.bwaldvogel.liblinear.Feature[] {
                        new de.bwaldvogel.liblinear.FeatureNode(1 + r.nextInt(3), r.nextGaussian() + p.y[i]),
                        new de.bwaldvogel.liblinear.FeatureNode(4 + r.nextInt(3), r.nextGaussian()),
                        new de.bwaldvogel.liblinear.FeatureNode(7, 1.0)};
            }
            de.bwaldvogel.liblinear.Parameter param = new de.bwaldvogel.liblinear.Parameter(
                    de.bwaldvogel.liblinear.SolverType.L2R_L2LOSS_SVC_DUAL, 0.5, 0.01);
            param.setRandom(new java.util.Random(c));
            binary[c] = de.bwaldvogel.liblinear.Linear.train(p, param);
        }
        double[] labels = {2, 0, 1};
        double[][] w = new double[3][];
        for (int c = 0; c < 3; c++) {
            w[c] = binary[c].getFeatureWeights();
        }
        de.bwaldvogel.liblinear.Model assembled = ParallelLibLinearTrainer.assemble(
                de.bwaldvogel.liblinear.SolverType.L2R_L2LOSS_SVC_DUAL, labels, w, binary[0].getNrFeature(),
                binary[0].getBias());
        StringBuilder text = new StringBuilder("solver_type L2R_L2LOSS_SVC_DUAL\nnr_class 3\nlabel 2 0 1\nnr_feature ")
                .append(binary[0].getNrFeature()).append("\nbias ").append(binary[0].getBias()).append("\nw\n");
        for (int row = 0; row < w[0].length; row++) {
            for (int c = 0; c < 3; c++) {
                text.append(w[c][row]).append(' ');
            }
            text.append('\n');
        }
        de.bwaldvogel.liblinear.Model read = de.bwaldvogel.liblinear.Model.load(new java.io.StringReader(text.toString()));
        assertEquals(read, assembled);
        assertArrayEquals(read.getFeatureWeights(), assembled.getFeatureWeights(), 0.0);
        assertArrayEquals(read.getLabels(), assembled.getLabels());
    }
}

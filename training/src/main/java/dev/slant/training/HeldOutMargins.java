package dev.slant.training;

import dev.slant.datasets.split.FoldDealing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

/**
 * Decision values of training articles from models that did not train on their outlets: the training rows are dealt
 * into folds by outlet as the outlet cross-validation deals them ({@link FoldDealing}; ties by outlet name, so no
 * random draw), and each fold is scored by a model trained, with the same settings, on the other folds. They are
 * what a model's margins look like on articles of outlets it has not seen, which {@link Temperature} is fitted on.
 */
final class HeldOutMargins {
    private HeldOutMargins() {
    }

    /**
     * Held-out decision values of every kept training row.
     *
     * @param margins each kept row's decision values (one per label, by id in the model's label domain)
     * @param labels  each kept row's label id
     */
    record Result(double[][] margins, int[] labels) {
    }

    /**
     * Trains one model per fold and scores the fold with it.
     *
     * @param settings    the settings of every fold's model (resolved for the target's labels; the fold models
     *                    get no temperature)
     * @param matrix      the weighed training rows
     * @param rows        the training rows and their labels, those the matrix was made of
     * @param ids         the label domain of the model the values are for
     * @param description what the data is, for the fold models' provenance
     * @param threads     threads, 1 or more
     * @param outletOf    each corpus position's outlet (null for an article without one: its own group)
     * @param folds       folds, 2 or more
     * @return the held-out values, or null when fewer outlets than folds, or a fold's training rows lack a label
     * @throws IllegalArgumentException if folds is below 2
     */
    static Result of(TrainerSettings settings, TrainingMatrix matrix, TargetRows rows, ImmutableOutputInfo<Label> ids,
                     String description, int threads, IntFunction<String> outletOf, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("held-out decision values need 2 or more folds, got " + folds);
        }
        int[] kept = matrix.kept();
        int[] corpus = rows.rows();
        List<String> names = rows.labels();
        int[] fold = fold(kept, corpus, outletOf, folds);
        if (fold == null) {
            return null;
        }
        int labels = ids.size();
        double[][] margins = new double[kept.length][];
        int[] y = new int[kept.length];
        for (int k = 0; k < kept.length; k++) {
            y[k] = ids.getID(new Label(names.get(kept[k])));
        }
        for (int f = 0; f < folds; f++) {
            int[] train = indices(fold, f, false);
            int[] corpusRows = new int[train.length];
            List<String> trainLabels = new ArrayList<>(train.length);
            for (int i = 0; i < train.length; i++) {
                corpusRows[i] = corpus[kept[train[i]]];
                trainLabels.add(names.get(kept[train[i]]));
            }
            if (trainLabels.stream().distinct().count() < labels) {
                return null;
            }
            TargetRows foldRows = new TargetRows(rows.target(), corpusRows, trainLabels, 0);
            ModelFitter.Fitted model = ModelFitter.fit(settings, matrix.subset(train), foldRows,
                    description + " (held-out fold " + f + ")", threads, outletOf);
            de.bwaldvogel.liblinear.Model m = model.libLinear();
            int[] column = new int[m.getNrClass()];
            ImmutableOutputInfo<Label> foldIds = model.model().getOutputIDInfo();
            for (int c = 0; c < column.length; c++) {
                column[c] = ids.getID(foldIds.getOutput(m.getLabels()[c]));
            }
            double[] w = ParallelLibLinearTrainer.weights(m);
            DualCoordinateDescent.Rows x = matrix.problem();
            for (int k : indices(fold, f, true)) {
                double[] z = new double[labels];
                for (int e = x.start()[k]; e < x.start()[k + 1]; e++) {
                    int at = x.column()[e] * column.length;
                    double v = x.value()[e];
                    for (int c = 0; c < column.length; c++) {
                        z[column[c]] += w[at + c] * v;
                    }
                }
                margins[k] = z;
            }
        }
        return new Result(margins, y);
    }

    /** Each kept row's fold, outlets dealt largest first to the fold with the fewest rows; null if too few outlets. */
    private static int[] fold(int[] kept, int[] corpus, IntFunction<String> outletOf, int folds) {
        // Outlets in name order, so that dealing breaks ties between outlets of equal size by name.
        Map<String, List<Integer>> byOutlet = new TreeMap<>();
        for (int k = 0; k < kept.length; k++) {
            String outlet = outletOf.apply(corpus[kept[k]]);
            byOutlet.computeIfAbsent(outlet == null ? "\0row " + k : outlet, o -> new ArrayList<>()).add(k);
        }
        if (byOutlet.size() < folds) {
            return null;
        }
        List<List<Integer>> outlets = List.copyOf(byOutlet.values());
        int[] foldOfOutlet = FoldDealing.bySize(outlets.stream().mapToInt(List::size).toArray(), folds);
        int[] fold = new int[kept.length];
        for (int o = 0; o < outlets.size(); o++) {
            for (int k : outlets.get(o)) {
                fold[k] = foldOfOutlet[o];
            }
        }
        return fold;
    }

    /** The rows in fold f (or, if not in, those outside it), increasing. */
    private static int[] indices(int[] fold, int f, boolean in) {
        return java.util.stream.IntStream.range(0, fold.length).filter(k -> (fold[k] == f) == in).toArray();
    }
}

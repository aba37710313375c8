package dev.slant.training;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.model.FeatureNames;
import dev.slant.inference.score.LinearScorer;
import dev.slant.inference.score.TribuoLinearScorers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.MutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains one Tribuo model on rows of a {@link FeatureTable}, weighed by a fitted featurizer. LibLinear trainers
 * (the default) take their rows straight from the table's arrays ({@link TrainingMatrix}); the others go through a
 * Tribuo dataset.
 */
public final class ModelFitter {
    private static final LabelFactory LABELS = new LabelFactory();
    /** The model provenance's entry of the factor its weights were multiplied by ({@link Temperature}). */
    static final String TEMPERATURE_FACTOR = "temperature-factor";
    /** The model provenance's entry of the outlet folds the factor was fitted over. */
    static final String TEMPERATURE_FOLDS = "temperature-outlet-folds";

    private ModelFitter() {
    }

    /**
     * Trains one model on several threads where the trainer can use them (LibLinear's one-vs-rest problems),
     * keeping as features only the n-grams of enough training outlets ({@link TrainerSettings#minOutlets()}).
     *
     * @param settings    the trainer settings
     * @param featurizer  the fitted featurizer
     * @param table       the term counts of the corpus
     * @param rows        the training rows and their labels
     * @param description what the data is, for Tribuo's provenance (corpus, split, part)
     * @param threads     threads, 1 or more
     * @param outlets     the training outlets of each bucket (read only when the settings filter n-grams)
     * @return the model, and how many training articles had no feature left
     * @throws IllegalArgumentException if there are fewer than two distinct labels, no article has a feature, or
     *                                  threads is below 1
     * @throws InterruptedException     if interrupted while laying out the rows
     */
    static Fitted train(TrainerSettings settings, Featurizer featurizer, FeatureTable table, TargetRows rows,
                        String description, int threads, OutletsPerBucket outlets) throws InterruptedException {
        requireTwoLabels(rows);
        int filter = minOutlets(settings, rows);
        if (settings.kind().usesLibLinear()) {
            return train(settings, TrainingMatrix.of(featurizer, table, rows.rows(), threads, outlets, filter), rows,
                    description, threads);
        }
        return throughDataset(settings, featurizer, table, rows, description, threads,
                filter == 1 ? null : outlets.atLeast(filter));
    }

    /**
     * The n-gram filter of a target's model: the settings' own, or the one its number of labels chooses.
     *
     * @param settings the trainer settings
     * @param rows     the target's training rows
     * @return the fewest training outlets of a kept n-gram, 1 or more
     */
    static int minOutlets(TrainerSettings settings, TargetRows rows) {
        return settings.forLabels((int) rows.labels().stream().distinct().count()).minOutlets();
    }

    /**
     * Trains a LibLinear model (logistic regression or SVM) on rows already laid out for LibLinear: the same model,
     * provenance included, as training on the Tribuo dataset of those rows, without building that dataset.
     *
     * @param settings    the trainer settings, of a LibLinear kind
     * @param matrix      the weighed training rows, made of exactly {@code rows.rows()}
     * @param rows        the training rows and their labels
     * @param description what the data is, for Tribuo's provenance (corpus, split, part)
     * @param threads     threads, 1 or more
     * @return the model, and how many training articles had no feature left
     * @throws IllegalArgumentException if the trainer is not a LibLinear one, the matrix is of other rows, there are
     *                                  fewer than two distinct labels, or no article has a feature
     */
    static Fitted train(TrainerSettings settings, TrainingMatrix matrix, TargetRows rows, String description,
                        int threads) {
        return train(settings, matrix, rows, description, threads, null);
    }

    /**
     * {@link #train(TrainerSettings, TrainingMatrix, TargetRows, String, int)} on outlet prototypes when the settings
     * ask for them ({@link TrainerSettings#prototypeShare()}), the target has three labels or more and some outlet and
     * label pair holds the share ({@link OutletPrototypes}); else the same model as without outlets. When the settings
     * ask for a temperature ({@link TrainerSettings#temperatureFolds()}) and the target has three labels or more, every
     * weight is then multiplied by the factor {@link Temperature} fits on held-out decision values of the training
     * articles ({@link HeldOutMargins}, a model per fold of training outlets), so that the softmax of the decision
     * values is a calibrated probability on outlets the model has not seen; the labels the model gives do not change
     * (up to the scaled weights' rounding to bfloat16).
     * The factor and the folds are in the model's provenance. Without outlets, or with fewer outlets than folds, no
     * temperature.
     *
     * @param settings    the trainer settings, of a LibLinear kind
     * @param matrix      the weighed training rows, made of exactly {@code rows.rows()}
     * @param rows        the training rows and their labels
     * @param description what the data is, for Tribuo's provenance (corpus, split, part)
     * @param threads     threads, 1 or more
     * @param outletOf    each corpus position's outlet, or null for none
     * @return the model, and how many training articles had no feature left
     * @throws IllegalArgumentException as the method without outlets
     */
    static Fitted train(TrainerSettings settings, TrainingMatrix matrix, TargetRows rows, String description,
                        int threads, java.util.function.IntFunction<String> outletOf) {
        Fitted fitted = fit(settings, matrix, rows, description, threads, outletOf);
        TrainerSettings resolved = settings.forLabels((int) rows.labels().stream().distinct().count());
        ImmutableOutputInfo<Label> ids = fitted.model().getOutputIDInfo();
        if (resolved.temperatureFolds() == 0 || outletOf == null || ids.size() < 3) {
            return fitted;
        }
        HeldOutMargins.Result held = HeldOutMargins.of(resolved, matrix, rows, ids, description, threads, outletOf,
                resolved.temperatureFolds());
        if (held == null) {
            return fitted;
        }
        double factor = Temperature.fit(held.margins(), held.labels());
        ModelProvenance was = fitted.model().getProvenance();
        Map<String, Provenance> instance = new LinkedHashMap<>(was.getInstanceProvenance().getMap());
        instance.put(TEMPERATURE_FACTOR, new DoubleProvenance(TEMPERATURE_FACTOR, factor));
        instance.put(TEMPERATURE_FOLDS, new IntProvenance(TEMPERATURE_FOLDS, resolved.temperatureFolds()));
        ModelProvenance provenance = new ModelProvenance(was.getClassName(), was.getTrainingTime(),
                was.getDatasetProvenance(), was.getTrainerProvenance(), instance);
        ParallelLibLinearTrainer.Trained scaled = resolved.libLinear(rows.labels(), threads).scaled(
                new ParallelLibLinearTrainer.Trained(fitted.model(), fitted.libLinear()), matrix.featureMap(), ids,
                factor, provenance);
        return new Fitted(scaled.model(), fitted.featureless(), scaled.inner(), fitted.knownUnitLength());
    }

    /**
     * {@link #train(TrainerSettings, TrainingMatrix, TargetRows, String, int, java.util.function.IntFunction)} without
     * the temperature: the model whose held-out decision values the temperature is fitted on.
     */
    static Fitted fit(TrainerSettings settings, TrainingMatrix matrix, TargetRows rows, String description,
                        int threads, java.util.function.IntFunction<String> outletOf) {
        requireTwoLabels(rows);
        if (!matrix.isOf(rows.rows())) {
            throw new IllegalArgumentException("the training matrix was made of other rows than target '" + rows.target() + "'s");
        }
        if (matrix.filter() != minOutlets(settings, rows)) {
            throw new IllegalArgumentException("the training matrix keeps n-grams of " + matrix.filter()
                    + "+ outlets but the model of target '" + rows.target() + "' keeps those of "
                    + minOutlets(settings, rows) + "+");
        }
        int[] kept = matrix.kept();
        if (kept.length == 0) {
            throw noFeature(rows, matrix.featureless(), settings, null);
        }
        List<String> labels = rows.labels();
        Domain target = Domain.of(labels, kept);
        ImmutableOutputInfo<Label> ids = target.ids();
        DatasetProvenance data = matrix.provenance(new SimpleDataSourceProvenance(description, LABELS), ids.size());
        TrainerSettings resolved = settings.forLabels((int) labels.stream().distinct().count());
        double share = resolved.prototypeShare();
        OutletPrototypes.Assignment prototypes = outletOf == null || share == 0 || ids.size() < 3 ? null
                : OutletPrototypes.assign(labels, java.util.Arrays.stream(rows.rows()).mapToObj(outletOf).toList(), share);
        if (prototypes != null) {
            Domain classes = Domain.of(prototypes.classes(), kept);
            int[] labelOf = new int[classes.ids().size()];
            for (var e : classes.ids()) {
                labelOf[e.getA()] = ids.getID(new Label(prototypes.labelOf().get(e.getB().getLabel())));
            }
            ParallelLibLinearTrainer.Trained trained = resolved.libLinear(prototypes.classes(), threads)
                    .trainPooled(data, matrix.featureMap(), ids, classes.ids(), matrix.problem(), classes.y(), labelOf);
            return new Fitted(trained.model(), matrix.featureless(), trained.inner(), matrix.unitLengthOverColumns());
        }
        ParallelLibLinearTrainer.Trained trained = settings.libLinear(labels, threads)
                .train(data, matrix.featureMap(), ids, matrix.problem(), target.y());
        return new Fitted(trained.model(), matrix.featureless(), trained.inner(), matrix.unitLengthOverColumns());
    }

    /**
     * Trains through a Tribuo dataset of string-named examples: the path of every trainer, and the reference the
     * LibLinear path is tested against.
     */
    static Fitted throughDataset(TrainerSettings settings, Featurizer featurizer, FeatureTable table, TargetRows rows,
                                 String description, int threads) {
        return throughDataset(settings, featurizer, table, rows, description, threads, null);
    }

    /**
     * {@link #throughDataset(TrainerSettings, Featurizer, FeatureTable, TargetRows, String, int)} on some buckets:
     * each vector cut down to them, and scaled back to unit length when the featurizer normalizes
     * ({@link TrainingMatrix#cut}).
     */
    static Fitted throughDataset(TrainerSettings settings, Featurizer featurizer, FeatureTable table,
                                         TargetRows rows, String description, int threads, IntPredicate columns) {
        boolean rescale = columns != null && featurizer.settings().l2();
        requireTwoLabels(rows);
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS), LABELS);
        int[] r = rows.rows();
        List<String> labels = rows.labels();
        int featureless = 0;
        for (int i = 0; i < r.length; i++) {
            FeatureVector v = featurizer.weigh(table.counts(r[i]));
            if (columns != null) {
                v = TrainingMatrix.cut(v, columns, rescale);
            }
            if (v.size() == 0) {
                featureless++;
                continue;
            }
            data.add(FeatureNames.example(new Label(labels.get(i)), v));
        }
        if (data.size() == 0) {
            throw noFeature(rows, featureless, settings, featurizer);
        }
        return new Fitted(settings.build(labels, threads).train(data), featureless, null, rescale);
    }

    /**
     * The label domain of the kept rows, as MutableDataset makes it (labels observed in row order, ids from the
     * observed domain), and each kept row's id in it.
     */
    private record Domain(ImmutableOutputInfo<Label> ids, double[] y) {
        static Domain of(List<String> names, int[] kept) {
            MutableOutputInfo<Label> observed = LABELS.generateInfo();
            Label[] keptLabels = new Label[kept.length];
            for (int i = 0; i < kept.length; i++) {
                keptLabels[i] = new Label(names.get(kept[i]));
                observed.observe(keptLabels[i]);
            }
            ImmutableOutputInfo<Label> ids = observed.generateImmutableOutputInfo();
            double[] y = new double[kept.length];
            for (int i = 0; i < kept.length; i++) {
                y[i] = ids.getID(keptLabels[i]);
            }
            return new Domain(ids, y);
        }
    }

    private static void requireTwoLabels(TargetRows rows) {
        if (rows.labels().stream().distinct().count() < 2) {
            throw new IllegalArgumentException("target '" + rows.target() + "' needs at least two labels in its training data, found "
                    + rows.labels().stream().distinct().toList());
        }
    }

    private static IllegalArgumentException noFeature(TargetRows rows, int articles, TrainerSettings settings,
                                                      Featurizer featurizer) {
        return new IllegalArgumentException("no training article of target '" + rows.target() + "' has a feature left ("
                + articles + " articles); the featurizer (or the model's own filter) dropped every n-gram: lower --min-outlets or --model-min-outlets"
                + (featurizer == null ? "" : " (now " + featurizer.settings().minOutlets() + ")") + " or min_df for small training data");
    }

    /**
     * A trained model.
     *
     * @param model       the model
     * @param featureless training articles left out because no feature of theirs was kept
     * @param libLinear   the LibLinear model the model wraps when the LibLinear path trained it, else null
     * @param knownUnitLength whether the model was trained on vectors cut down to its buckets and scaled back to unit
     *                    length, as its scorer must then score ({@link LinearScorer#knownUnitLength()})
     */
    public record Fitted(Model<Label> model, int featureless, de.bwaldvogel.liblinear.Model libLinear,
                         boolean knownUnitLength) {
        /** Validates. @throws NullPointerException if the model is null */
        public Fitted {
            java.util.Objects.requireNonNull(model, "model");
        }

        /**
         * The model's scorer, read from memory when the LibLinear model is at hand (Tribuo writes a model's
         * protobuf slowly), else from the model's protobuf.
         *
         * @param buckets the featurizer's number of buckets
         * @return the scorer
         * @throws IllegalArgumentException if the model cannot be scored by a linear scorer
         */
        public LinearScorer scorer(int buckets) {
            LinearScorer scorer = libLinear != null ? TribuoLinearScorers.fromLibLinear(model, libLinear, buckets)
                    : TribuoLinearScorers.fromModel(model, buckets);
            return scorer.withKnownUnitLength(knownUnitLength);
        }
    }
}

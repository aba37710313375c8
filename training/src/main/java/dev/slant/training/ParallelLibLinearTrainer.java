package dev.slant.training;

import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.SolverType;
import dev.slant.inference.score.BFloat16;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.common.liblinear.LibLinearModel;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.classification.liblinear.LinearClassificationType;

/**
 * Tribuo's LibLinear classification trainer with the one-vs-rest binary problems of a multi-class model solved on
 * several threads. LibLinear solves them one after another, which makes the 108-topic model of article-bias take
 * minutes; each problem is independent, so they run in parallel here and their weight vectors are put together
 * into one ordinary multi-class LibLinear model ({@link #assemble}), which Tribuo wraps,
 * saves and predicts with as usual.
 *
 * <p>Each class's problem is exactly the one LibLinear itself would solve (positives that class, weighted by the
 * class weight; negatives every other class, weight 1) and draws from its own {@link Random}, seeded by the
 * trainer's seed and the class's position, so the model does not depend on the number of threads or on their
 * timing (one thread gives the same model as many). The dual SVM solvers' problems are solved by
 * {@link DualCoordinateDescent} over compressed sparse rows (LibLinear's algorithm, the same weights bit for bit);
 * other solvers, problems that do not converge in LibLinear's 300 passes, and two-class problems that come through
 * Tribuo's own {@code train(Dataset)} take LibLinear's own path.
 */
final class ParallelLibLinearTrainer extends LibLinearClassificationTrainer {
    /** The bias Tribuo's {@code trainModels} gives every LibLinear problem ({@code Problem.bias}). */
    static final double TRIBUO_BIAS = 1.0;
    /** Not a configured setting: the model is the same whatever the threads, so provenance leaves it out. */
    private final int threads;

    /**
     * @param type          the LibLinear solver
     * @param cost          C
     * @param maxIterations the iteration cap
     * @param tolerance     the stopping tolerance
     * @param seed          the seed of every random choice
     * @param threads       threads for the one-vs-rest problems, 1 or more
     * @throws IllegalArgumentException if threads is below 1
     */
    ParallelLibLinearTrainer(LinearClassificationType type, double cost, int maxIterations, double tolerance, long seed,
                             int threads) {
        super(type, cost, maxIterations, tolerance, seed);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * Trains on a problem already laid out for LibLinear, exactly as {@link #train(org.tribuo.Dataset)} would on the
     * Tribuo dataset those rows make: the same parameters, class weights, random draws, invocation count,
     * provenance and model class. {@link TrainingMatrix} builds the feature domain, the dataset provenance and the
     * rows; this skips building and converting string-named examples.
     *
     * @param data     the provenance of the dataset the rows stand for
     * @param features its feature domain (LibLinear's feature ids are these ids + 1; the bias comes last)
     * @param outputs  its label domain
     * @param x        LibLinear's rows (columns: the feature ids, then the bias), only read
     * @param y        each row's label id in {@code outputs}
     * @return the model and its LibLinear model
     * @throws IllegalArgumentException if x and y differ in length or x has not one column per feature and the bias
     */
    Trained train(DatasetProvenance data, ImmutableFeatureMap features,
                  ImmutableOutputInfo<org.tribuo.classification.Label> outputs, DualCoordinateDescent.Rows x, double[] y) {
        if (x.size() != y.length) {
            throw new IllegalArgumentException(x.size() + " rows but " + y.length + " labels");
        }
        if (x.columns() != features.size() + 1) {
            throw new IllegalArgumentException(x.columns() + " columns for " + features.size() + " features and the bias");
        }
        // As LibLinearTrainer.train: the n-th training draws from the n-th split of a SplittableRandom seeded by
        // the seed, and the provenance records the count before this training.
        TrainerProvenance trainerProvenance;
        SplittableRandom local;
        synchronized (this) {
            int count = getInvocationCount();
            SplittableRandom rng = new SplittableRandom(seed);
            local = rng.split();
            for (int i = 0; i < count; i++) {
                local = rng.split();
            }
            trainerProvenance = getProvenance();
            setInvocationCount(count + 1);
        }
        Parameter params = setupParameters(outputs);
        long drawSeed = local.nextLong();
        params.setRandom(new Random(drawSeed));
        ModelProvenance provenance = new ModelProvenance(LibLinearModel.class.getName(), OffsetDateTime.now(), data,
                trainerProvenance, Collections.emptyMap());
        List<Model> models = solve(params, features.size() + 1, x, null, y, drawSeed);
        for (Model m : models) {
            roundToBFloat16(m);
        }
        return new Trained(createModel(provenance, features, outputs, models), models.get(0));
    }

    /**
     * Trains on outlet prototypes ({@link OutletPrototypes}): the one-vs-rest problems are those of the classes, weighed
     * by this trainer's class weights (which must be the classes'), and each label's weights, bias included, are the
     * mean of its classes'. The model is an ordinary LibLinear model over the labels; its provenance records the
     * classes' weights.
     *
     * @param data     the provenance of the dataset the rows stand for
     * @param features its feature domain
     * @param outputs  its label domain
     * @param classes  the classes' domain
     * @param x        LibLinear's rows, only read
     * @param y        each row's class id in {@code classes}
     * @param labelOf  each class id's label id in {@code outputs}
     * @return the model over the labels and its LibLinear model
     * @throws IllegalArgumentException if the shapes disagree, or the labels are fewer than three (a two-label LibLinear
     *                                  model keeps one weight vector, which a mean of classes does not make)
     */
    Trained trainPooled(DatasetProvenance data, ImmutableFeatureMap features,
                        ImmutableOutputInfo<org.tribuo.classification.Label> outputs,
                        ImmutableOutputInfo<org.tribuo.classification.Label> classes, DualCoordinateDescent.Rows x,
                        double[] y, int[] labelOf) {
        if (outputs.size() < 3) {
            throw new IllegalArgumentException("outlet prototypes need at least three labels, got " + outputs.size());
        }
        if (labelOf.length != classes.size()) {
            throw new IllegalArgumentException(labelOf.length + " class labels for " + classes.size() + " classes");
        }
        Trained byClass = train(data, features, classes, x, y);
        Model m = byClass.inner();
        int[] classIds = m.getLabels();
        int k = classIds.length;
        // The labels in order of first occurrence, as LibLinear orders them.
        Map<Integer, Integer> position = new LinkedHashMap<>();
        for (double v : y) {
            position.putIfAbsent(labelOf[(int) v], position.size());
        }
        int labels = position.size();
        int[] labelIds = position.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[] per = new int[labels];
        int[] column = new int[k];
        for (int c = 0; c < k; c++) {
            column[c] = position.get(labelOf[classIds[c]]);
            per[column[c]]++;
        }
        double[] w = weights(m);
        int rows = w.length / k;
        double[] pooled = new double[Math.multiplyExact(rows, labels)];
        for (int row = 0; row < rows; row++) {
            for (int c = 0; c < k; c++) {
                pooled[row * labels + column[c]] += w[row * k + c];
            }
            for (int l = 0; l < labels; l++) {
                pooled[row * labels + l] /= per[l];
            }
        }
        Model labelModel = model(m.getSolverType(), labelIds, m.getNrFeature(), m.getBias(), pooled);
        roundToBFloat16(labelModel);
        ModelProvenance provenance = byClass.model().getProvenance();
        return new Trained(createModel(provenance, features, outputs, List.of(labelModel)), labelModel);
    }

    /**
     * A trained model with every weight, bias included, multiplied by one factor ({@link Temperature}): its decision
     * values are multiplied by the factor, so its labels stay and its softmax probabilities sharpen or flatten. The
     * weights are rounded to bfloat16 again, as every trained model's are.
     *
     * @param trained    the model
     * @param features   its feature domain
     * @param outputs    its label domain
     * @param factor     the factor, positive and finite
     * @param provenance the provenance of the scaled model
     * @return the scaled model and its LibLinear model
     * @throws IllegalArgumentException if the factor is not positive and finite
     */
    Trained scaled(Trained trained, ImmutableFeatureMap features,
                   ImmutableOutputInfo<org.tribuo.classification.Label> outputs, double factor,
                   ModelProvenance provenance) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a model's weights can only be multiplied by a positive finite factor, got "
                    + factor);
        }
        Model m = trained.inner();
        double[] w = weights(m).clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= factor;
        }
        Model scaledModel = model(m.getSolverType(), m.getLabels().clone(), m.getNrFeature(), m.getBias(), w);
        roundToBFloat16(scaledModel);
        return new Trained(createModel(provenance, features, outputs, List.of(scaledModel)), scaledModel);
    }

    /**
     * A trained model and the LibLinear model it wraps (the very object, not a copy).
     *
     * @param model the Tribuo model
     * @param inner its LibLinear model
     */
    record Trained(org.tribuo.Model<org.tribuo.classification.Label> model, Model inner) {
    }

    /**
     * Solves, then rounds every weight to the nearest {@link BFloat16} (8 significant bits): a bundle's scorer then
     * holds each weight in 2 bytes, exactly, a quarter of double's heap and memory traffic, and every figure measured
     * on the trained model (validation, test, cross-validation, the manifest's) is a figure of the model written. On
     * the article-bias media split, rounding the default model's weights so moved no figure: stance test macro-F1
     * 0.6119 and accuracy 0.6277, topic valid 0.4077 and 0.5781, as with float weights.
     */
    @Override
    protected List<Model> trainModels(Parameter params, int numFeatures, FeatureNode[][] features, double[][] outputs) {
        List<Model> models = solve(params, numFeatures, null, features, outputs[0], null);
        for (Model m : models) {
            roundToBFloat16(m);
        }
        return models;
    }

    /**
     * @param m a LibLinear model
     * @return its weight array itself ({@code Model.w}; LibLinear offers no accessor to the whole array)
     * @throws IllegalStateException if this LibLinear version has no such field
     */
    static double[] weights(Model m) {
        return (double[]) get(m, "w");
    }

    /** Rounds a LibLinear model's weights to the nearest bfloat16, in place. */
    static void roundToBFloat16(Model m) {
        double[] w = weights(m);
        for (int i = 0; i < w.length; i++) {
            w[i] = BFloat16.rounded(w[i]);
        }
    }

    /** Whether a problem's solver is one of the dual SVM solvers that {@link DualCoordinateDescent} runs. */
    private static boolean dual(Parameter params) {
        return params.getSolverType() == SolverType.L2R_L2LOSS_SVC_DUAL
                || params.getSolverType() == SolverType.L2R_L1LOSS_SVC_DUAL;
    }

    /**
     * Solves a problem given as compressed rows or as LibLinear's rows: the dual SVM solvers run over the compressed
     * rows (the same weights as LibLinear's, faster) for more than two classes, and for two when the problem's draws
     * start from a known seed ({@code drawSeed}, null when Tribuo set them); other solvers and problems that LibLinear
     * would hand to another solver go through LibLinear. Each layout is made from the other
     * when needed (LibLinear's once, by whichever thread needs it first).
     */
    private List<Model> solve(Parameter params, int numFeatures, DualCoordinateDescent.Rows rows,
                              FeatureNode[][] features, double[] y, Long drawSeed) {
        Supplier<FeatureNode[][]> nodes = features != null ? () -> features : new Supplier<>() {
            private FeatureNode[][] made;

            @Override
            public synchronized FeatureNode[][] get() {
                if (made == null) {
                    made = rows.toNodes();
                }
                return made;
            }
        };
        // LibLinear orders classes by first occurrence; so do we, so the model reads the same.
        Map<Double, Integer> firstSeen = new LinkedHashMap<>();
        for (double v : y) {
            firstSeen.putIfAbsent(v, firstSeen.size());
        }
        int classes = firstSeen.size();
        if (classes == 2 && dual(params) && rows != null && drawSeed != null) {
            return List.of(twoClasses(params, numFeatures, rows, nodes, y, firstSeen, drawSeed));
        }
        if (classes <= 2 || params.getSolverType() == SolverType.MCSVM_CS) {
            return super.trainModels(params, numFeatures, nodes.get(), new double[][] {y});
        }
        double[] label = new double[classes];
        firstSeen.forEach((v, i) -> label[i] = v);
        DualCoordinateDescent.Rows compressed = !dual(params) ? null
                : rows != null ? rows : DualCoordinateDescent.Rows.of(features, numFeatures);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, classes), r -> {
            Thread t = new Thread(r, "liblinear-one-vs-rest");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<double[]>> columns = new ArrayList<>(classes);
            for (int c = 0; c < classes; c++) {
                int k = c;
                columns.add(pool.submit(() -> oneVsRest(params, numFeatures, nodes, compressed, y, label[k], k)));
            }
            double[][] binary = new double[classes][];
            for (int c = 0; c < classes; c++) {
                binary[c] = columns.get(c).get();
            }
            // Tribuo's problems carry a bias column (Problem.bias 1), which LibLinear does not count as a feature.
            return List.of(assemble(params.getSolverType(), label, binary, numFeatures - 1, TRIBUO_BIAS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training one-vs-rest problems", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a one-vs-rest problem failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A two-class problem as LibLinear's {@code train} solves it: classes in order of first occurrence (but -1 after
     * +1), the first class's rows first with cost C times its weight, then the other's, and the problem's own random
     * draws, which start from {@code drawSeed} (LibLinear gets a source in the same state if it must take over).
     */
    private Model twoClasses(Parameter params, int numFeatures, DualCoordinateDescent.Rows rows,
                             Supplier<FeatureNode[][]> nodes, double[] y, Map<Double, Integer> firstSeen, long drawSeed) {
        double[] label = new double[2];
        firstSeen.forEach((v, i) -> label[i] = v);
        if (label[0] == -1 && label[1] == 1) {
            label[0] = 1;
            label[1] = -1;
        }
        // LibLinear multiplies C by the weight of each class that has one.
        double[] w = dualSolve(params, rows, y, label[0], params.getC() * classWeight(params, label[0]),
                params.getC() * classWeight(params, label[1]), new Random(drawSeed));
        if (w == null) {
            // params' own source was made from drawSeed and is still untouched.
            return super.trainModels(params, numFeatures, nodes.get(), new double[][] {y}).get(0);
        }
        // A two-class model keeps one weight vector, for its first label.
        return model(params.getSolverType(), new int[] {(int) label[0], (int) label[1]}, numFeatures - 1, TRIBUO_BIAS, w);
    }

    /**
     * One binary problem solved by {@link DualCoordinateDescent} as LibLinear's solver of {@code params} would.
     *
     * @return the weights, or null when LibLinear would hand the problem to another solver
     */
    private static double[] dualSolve(Parameter params, DualCoordinateDescent.Rows rows, double[] y, double positive,
                                      double cp, double cn, Random random) {
        return DualCoordinateDescent.solve(rows, y, positive, cp, cn,
                params.getSolverType() == SolverType.L2R_L1LOSS_SVC_DUAL, params.getEps(),
                DualCoordinateDescent.LIBLINEAR_MAX_PASSES, random);
    }

    /**
     * Solves class {@code label}'s binary problem as LibLinear's {@code train} would (positives first), with the
     * primitive-array solver when {@code rows} are given and it converges, else with LibLinear.
     *
     * @return the binary model's weights (one per feature, then the bias)
     */
    private double[] oneVsRest(Parameter params, int numFeatures, Supplier<FeatureNode[][]> features,
                               DualCoordinateDescent.Rows rows, double[] y, double label, int position) {
        double weight = classWeight(params, label);
        if (rows != null) {
            double[] w = dualSolve(params, rows, y, label, params.getC() * weight, params.getC(), random(position));
            if (w != null) {
                return w;
            }
        }
        double[] binary = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            binary[i] = y[i] == label ? 1 : -1;
        }
        Parameter p = params.clone();
        p.setWeights(new double[] {weight}, new int[] {1});
        p.setRandom(random(position));
        Model m = super.trainModels(p, numFeatures, features.get(), new double[][] {binary}).get(0);
        if (m.getNrClass() != 2 || m.getLabels()[0] != 1) {
            throw new IllegalStateException("LibLinear's binary model for class " + label + " has labels "
                    + java.util.Arrays.toString(m.getLabels()) + ", expected [1, -1]");
        }
        if (m.getNrFeature() != numFeatures - 1 || m.getBias() != TRIBUO_BIAS) {
            throw new IllegalStateException("LibLinear's binary model for class " + label + " has " + m.getNrFeature()
                    + " features and bias " + m.getBias() + ", expected " + (numFeatures - 1) + " and " + TRIBUO_BIAS);
        }
        return m.getFeatureWeights();
    }

    /** The weight of a class among the parameters' class weights, 1 if it has none. */
    private static double classWeight(Parameter params, double label) {
        double weight = 1;
        int[] weightLabels = params.getWeightLabels();
        for (int i = 0; weightLabels != null && i < weightLabels.length; i++) {
            if (weightLabels[i] == (int) label) {
                weight = params.getWeights()[i];
            }
        }
        return weight;
    }

    /** The source of a one-vs-rest problem's shuffles, by its class's position. */
    private Random random(int position) {
        return new Random(seed * 1_000_003L + position);
    }

    /**
     * One multi-class LibLinear model of the binary ones: what {@code Linear.train} makes of its one-vs-rest
     * problems (weights interleaved, feature by feature, one per class; the header of the first binary model).
     * LibLinear's model has no public constructor with its fields, so they are set reflectively; reading the same
     * model back from LibLinear's text format took minutes for 108 classes of 261,000 features.
     */
    static Model assemble(SolverType solver, double[] label, double[][] w, int nrFeature, double bias) {
        int classes = w.length;
        for (int c = 0; c < classes; c++) {
            if (w[c].length != w[0].length) {
                throw new IllegalStateException("one-vs-rest models of different shapes");
            }
        }
        int rows = w[0].length;
        double[] weights = new double[Math.multiplyExact(rows, classes)];
        for (int row = 0; row < rows; row++) {
            for (int c = 0; c < classes; c++) {
                weights[row * classes + c] = w[c][row];
            }
        }
        int[] labels = new int[classes];
        for (int c = 0; c < classes; c++) {
            labels[c] = (int) label[c];
        }
        return model(solver, labels, nrFeature, bias, weights);
    }

    /**
     * A LibLinear model from its fields (it has no public constructor with them, so they are set reflectively).
     *
     * @param labels the classes, in LibLinear's order
     * @param w      the weights as LibLinear keeps them (feature by feature, one per class; one vector for two classes)
     */
    private static Model model(SolverType solver, int[] labels, int nrFeature, double bias, double[] w) {
        Model m = new Model();
        set(m, "solverType", solver);
        set(m, "nr_class", labels.length);
        set(m, "label", labels);
        set(m, "nr_feature", nrFeature);
        set(m, "bias", bias);
        set(m, "w", w);
        return m;
    }

    private static Object get(Model m, String field) {
        try {
            java.lang.reflect.Field f = Model.class.getDeclaredField(field);
            f.setAccessible(true);
            return f.get(m);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read LibLinear's Model." + field + " (another LibLinear version?)", e);
        }
    }

    private static void set(Model m, String field, Object value) {
        try {
            java.lang.reflect.Field f = Model.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(m, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot set LibLinear's Model." + field + " (another LibLinear version?)", e);
        }
    }
}

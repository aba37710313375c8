package dev.slant.inference.score;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import de.bwaldvogel.liblinear.SolverType;
import dev.slant.inference.model.FeatureNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.classification.mnb.protos.MultinomialNaiveBayesProto;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.common.liblinear.protos.LibLinearModelProto;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.Parameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;
import org.tribuo.math.util.ExpNormalizer;
import org.tribuo.math.util.NoopNormalizer;
import org.tribuo.math.util.VectorNormalizer;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;

/**
 * Builds a {@link LinearScorer} from a Tribuo classification model in its protobuf form, reading the weights
 * straight from the protobuf (no second copy of the model in memory) and reproducing Tribuo's own arithmetic:
 *
 * <ul>
 *   <li>{@value #LIBLINEAR}: LibLinear's {@code predictValues} (binary models keep one weight vector; the
 *       second label's column is its negation, as Tribuo reports it); probabilities for logistic regression,
 *       decision values for SVMs.</li>
 *   <li>{@value #LINEAR_SGD}: the weight matrix with its bias column; a softmax for logistic regression,
 *       decision values for the hinge loss.</li>
 *   <li>{@value #NAIVE_BAYES}: the log probability of each known feature per label, and for a feature a label
 *       never saw the smoothed "unobserved" log probability Tribuo adds; no prior; a softmax.</li>
 * </ul>
 *
 * <p>LibLinear's protobuf form in Tribuo 4.3 wraps the LibLinear model in Java serialization. This class reads
 * it through an {@link ObjectInputFilter} that admits only LibLinear's model class, its solver enum and
 * primitive arrays, so loading a bundle never deserializes anything else.
 */
public final class TribuoLinearScorers {
    /** Tribuo's LibLinear classification model. */
    public static final String LIBLINEAR = "org.tribuo.classification.liblinear.LibLinearClassificationModel";
    /** Tribuo's linear SGD classification model (logistic regression, linear SVM). */
    public static final String LINEAR_SGD = "org.tribuo.classification.sgd.linear.LinearSGDModel";
    /** Tribuo's multinomial naive Bayes model. */
    public static final String NAIVE_BAYES = "org.tribuo.classification.mnb.MultinomialNaiveBayesModel";
    /** The model types this class reads. */
    public static final List<String> SUPPORTED = List.of(LIBLINEAR, LINEAR_SGD, NAIVE_BAYES);

    private static final String LIBLINEAR_FILTER =
            "de.bwaldvogel.liblinear.Model;de.bwaldvogel.liblinear.SolverType;java.lang.Enum;maxdepth=3;!*";

    private TribuoLinearScorers() {
    }

    /**
     * @param model   a trained model
     * @param buckets the featurizer's number of buckets
     * @return its scorer
     * @throws IllegalArgumentException if the model type is not supported or its features are not bucket names
     */
    public static LinearScorer fromModel(Model<Label> model, int buckets) {
        return fromProto(model.serialize(), buckets);
    }

    /**
     * @param proto   a model in Tribuo's protobuf form
     * @param buckets the featurizer's number of buckets
     * @return its scorer
     * @throws IllegalArgumentException if the model type is not supported, the protobuf is malformed, its outputs
     *                                  are not labels or its features are not bucket names within {@code buckets}
     */
    public static LinearScorer fromProto(ModelProto proto, int buckets) {
        String type = proto.getClassName();
        if (!SUPPORTED.contains(type)) {
            throw new IllegalArgumentException("unsupported model type " + type + "; supported: " + SUPPORTED);
        }
        if (proto.getVersion() != 0) {
            throw new IllegalArgumentException(type + ": protobuf version " + proto.getVersion() + " is not supported (this build reads version 0)");
        }
        try {
            Any data = proto.getSerializedData();
            return switch (type) {
                case LIBLINEAR -> libLinear(data.unpack(LibLinearModelProto.class), buckets);
                case LINEAR_SGD -> linearSgd(data.unpack(ClassificationLinearSGDProto.class), buckets);
                default -> naiveBayes(data.unpack(MultinomialNaiveBayesProto.class), buckets);
            };
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(type + ": malformed protobuf: " + e.getMessage(), e);
        } catch (IllegalStateException | ClassCastException e) {
            throw new IllegalArgumentException(type + ": " + e.getMessage(), e);
        }
    }

    /**
     * The scorer of a LibLinear classification model whose LibLinear model is at hand (as a trainer has it), read
     * from memory: the same scorer as {@link #fromModel}, without writing and reading the model's protobuf (whose
     * feature domain Tribuo writes slowly, reflectively, feature by feature).
     *
     * @param model   a Tribuo LibLinear classification model
     * @param inner   the LibLinear model it wraps
     * @param buckets the featurizer's number of buckets
     * @return its scorer
     * @throws IllegalArgumentException if the model is not a LibLinear classification model, or as {@link #fromProto}
     */
    public static LinearScorer fromLibLinear(Model<Label> model, de.bwaldvogel.liblinear.Model inner, int buckets) {
        if (!LIBLINEAR.equals(model.getClass().getName())) {
            throw new IllegalArgumentException("not a " + LIBLINEAR + ": " + model.getClass().getName());
        }
        return libLinear(Domain.of(LIBLINEAR, model.getOutputIDInfo(), model.getFeatureIDMap(), buckets), inner);
    }

    private static LinearScorer libLinear(LibLinearModelProto proto, int buckets) {
        Domain d = Domain.of(LIBLINEAR, proto.getMetadata(), buckets);
        if (proto.getModelsCount() != 1) {
            throw new IllegalArgumentException(LIBLINEAR + ": expected 1 LibLinear model, found " + proto.getModelsCount());
        }
        return libLinear(d, readLibLinear(proto.getModels(0)));
    }

    private static LinearScorer libLinear(Domain d, de.bwaldvogel.liblinear.Model m) {
        int[] classes = m.getLabels();
        int nLabels = d.labels.size();
        if (m.getNrClass() != nLabels || classes.length != nLabels) {
            throw new IllegalArgumentException(LIBLINEAR + ": LibLinear saw " + m.getNrClass() + " of the " + nLabels
                    + " labels " + d.labels + "; a model must be trained on examples of every label");
        }
        SolverType solver = m.getSolverType();
        if (solver.isSupportVectorRegression() || solver.isOneClass()) {
            throw new IllegalArgumentException(LIBLINEAR + ": solver " + solver + " is not a classifier");
        }
        double libBias = m.getBias();
        if (libBias >= 0 && libBias != 1.0) {
            throw new IllegalArgumentException(LIBLINEAR + ": LibLinear bias " + libBias + " is not supported (Tribuo uses 1)");
        }
        // LibLinear's predictValues reads feature index i (from 1) when i <= n, where n counts the bias slot:
        int nrFeature = m.getNrFeature();
        int readable = libBias >= 0 ? nrFeature + 1 : nrFeature;
        int features = d.bucketOfFeature.length;
        double[] weights = new double[Math.multiplyExact(features, nLabels)];
        double[] bias = new double[nLabels];
        for (int c = 0; c < nLabels; c++) {
            int column = classes[c];
            for (int j = 0; j < features; j++) {
                weights[j * nLabels + column] = libLinearCoefficient(m, j + 1, c, readable);
            }
            // Tribuo appends a bias feature of value 1 at index features + 1.
            bias[column] = libLinearCoefficient(m, features + 1, c, readable);
        }
        ProbabilityLink link = m.isProbabilityModel() ? ProbabilityLink.ONE_VS_REST_LOGISTIC : ProbabilityLink.SOFTMAX_OF_MARGINS;
        return new LinearScorer(LIBLINEAR, d.labels, d.rowOfBucket(), weights, null, bias, link);
    }

    /** The weight LibLinear's predictValues applies to feature index {@code index} (from 1) for class {@code c}. */
    private static double libLinearCoefficient(de.bwaldvogel.liblinear.Model m, int index, int c, int readable) {
        if (index <= m.getNrFeature()) {
            return m.getDecfunCoef(index, c);
        }
        if (index <= readable) {
            // The bias slot, read as a plain weight (LibLinear scales it by its bias, which is 1 here).
            return m.getDecfunBias(c);
        }
        return 0.0;
    }

    private static de.bwaldvogel.liblinear.Model readLibLinear(ByteString bytes) {
        try (InputStream in = bytes.newInput(); ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter(LIBLINEAR_FILTER));
            Object o = ois.readObject();
            if (!(o instanceof de.bwaldvogel.liblinear.Model m)) {
                throw new IllegalArgumentException(LIBLINEAR + ": the LibLinear model bytes hold a " + o.getClass().getName());
            }
            return m;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException(LIBLINEAR + ": unreadable LibLinear model: " + e, e);
        }
    }

    private static LinearScorer linearSgd(ClassificationLinearSGDProto proto, int buckets) {
        Domain d = Domain.of(LINEAR_SGD, proto.getMetadata(), buckets);
        Parameters params = Parameters.deserialize(proto.getParams());
        if (!(params instanceof LinearParameters lp) || !(lp.get()[0] instanceof DenseMatrix w)) {
            throw new IllegalArgumentException(LINEAR_SGD + ": parameters are not a linear weight matrix: " + params.getClass().getName());
        }
        int nLabels = d.labels.size();
        int features = d.bucketOfFeature.length;
        if (w.getDimension1Size() != nLabels || w.getDimension2Size() != features + 1) {
            throw new IllegalArgumentException(LINEAR_SGD + ": weight matrix is " + w.getDimension1Size() + " x "
                    + w.getDimension2Size() + ", expected " + nLabels + " x " + (features + 1) + " (labels x features and bias)");
        }
        VectorNormalizer normalizer = VectorNormalizer.deserialize(proto.getNormalizer());
        ProbabilityLink link;
        if (normalizer instanceof ExpNormalizer) {
            link = ProbabilityLink.SOFTMAX;
        } else if (normalizer instanceof NoopNormalizer) {
            link = ProbabilityLink.SOFTMAX_OF_MARGINS;
        } else {
            throw new IllegalArgumentException(LINEAR_SGD + ": unsupported output normalizer " + normalizer.getClass().getName());
        }
        double[] weights = new double[Math.multiplyExact(features, nLabels)];
        double[] bias = new double[nLabels];
        for (int k = 0; k < nLabels; k++) {
            for (int j = 0; j < features; j++) {
                weights[j * nLabels + k] = w.get(k, j);
            }
            bias[k] = w.get(k, features);
        }
        return new LinearScorer(LINEAR_SGD, d.labels, d.rowOfBucket(), weights, null, bias, link);
    }

    private static LinearScorer naiveBayes(MultinomialNaiveBayesProto proto, int buckets) {
        Domain d = Domain.of(NAIVE_BAYES, proto.getMetadata(), buckets);
        Tensor t = Tensor.deserialize(proto.getLabelWordProbs());
        int nLabels = d.labels.size();
        int features = d.bucketOfFeature.length;
        if (!(t instanceof DenseSparseMatrix m) || m.getDimension1Size() != nLabels || m.getDimension2Size() != features) {
            throw new IllegalArgumentException(NAIVE_BAYES + ": label-word probabilities are not a " + nLabels + " x " + features + " sparse matrix");
        }
        double alpha = proto.getAlpha();
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException(NAIVE_BAYES + ": alpha must be non-negative, got " + alpha);
        }
        double[] weights = new double[Math.multiplyExact(features, nLabels)];
        for (int k = 0; k < nLabels; k++) {
            SparseVector row = m.getRow(k);
            // Tribuo adds this log probability for each feature of the example that the label never saw.
            double unobserved = alpha > 0.0 ? Math.log(alpha / (row.oneNorm() + (features * alpha))) : 0.0;
            for (int j = 0; j < features; j++) {
                weights[j * nLabels + k] = unobserved;
            }
            for (VectorTuple vt : row) {
                weights[vt.index * nLabels + k] = vt.value;
            }
        }
        return new LinearScorer(NAIVE_BAYES, d.labels, d.rowOfBucket(), weights, null, new double[nLabels], ProbabilityLink.SOFTMAX);
    }

    /** A model's labels by output id and the bucket of each feature id. */
    private record Domain(List<String> labels, int[] bucketOfFeature, int buckets) {
        static Domain of(String type, ModelDataProto metadata, int buckets) {
            ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(metadata);
            return of(type, carrier.outputDomain(), carrier.featureDomain(), buckets);
        }

        static Domain of(String type, ImmutableOutputInfo<?> outputs, ImmutableFeatureMap fm, int buckets) {
            List<String> labels = new ArrayList<>(outputs.size());
            for (int id = 0; id < outputs.size(); id++) {
                Output<?> o = outputs.getOutput(id);
                if (!(o instanceof Label label)) {
                    throw new IllegalArgumentException(type + ": outputs are not labels but " + (o == null ? "missing" : o.getClass().getName()));
                }
                labels.add(label.getLabel());
            }
            int[] bucketOf = new int[fm.size()];
            for (int j = 0; j < bucketOf.length; j++) {
                int b = FeatureNames.bucket(fm.get(j).getName());
                if (b < 0 || b >= buckets) {
                    throw new IllegalArgumentException(type + ": feature " + fm.get(j).getName() + " is outside the featurizer's " + buckets + " buckets");
                }
                bucketOf[j] = b;
            }
            return new Domain(labels, bucketOf, buckets);
        }

        int[] rowOfBucket() {
            int[] rows = new int[buckets];
            Arrays.fill(rows, LinearScorer.UNKNOWN);
            for (int j = 0; j < bucketOfFeature.length; j++) {
                rows[bucketOfFeature[j]] = j;
            }
            return rows;
        }
    }
}

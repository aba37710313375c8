package dev.slant.inference.bundle;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.slant.inference.score.TribuoLinearScorers;
import com.google.protobuf.ByteString;
import java.util.List;
import org.tribuo.CategoricalIDInfo;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.RealIDInfo;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.common.liblinear.LibLinearModel;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.classification.mnb.protos.MultinomialNaiveBayesProto;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.common.liblinear.protos.LibLinearModelProto;
import org.tribuo.protos.core.CategoricalIDInfoProto;
import org.tribuo.protos.core.FeatureDomainProto;
import org.tribuo.protos.core.ImmutableFeatureMapProto;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.RealIDInfoProto;
import org.tribuo.protos.core.VariableInfoProto;

/**
 * Shrinks a Tribuo model's protobuf before it goes into a bundle, without changing its predictions: each feature of
 * the feature domain keeps its name, id and count, and loses its value statistics. Tribuo keeps every feature
 * seen with fewer than {@link org.tribuo.CategoricalInfo#THRESHOLD} distinct values as a categorical feature with
 * its whole value histogram, and every other one with its min, max, mean and sum of squares: for tf-idf features
 * that was most of the file (75 of the 81 MB of the article-bias stance model as histograms, then 11 of its 17
 * compressed MB as statistics). No supported model reads them when predicting (the featurizer's own fitted values
 * are in the bundle's featurizer entries), so each feature becomes a {@code RealIDInfo} with its name, id and
 * count and the statistics zeroed (Tribuo refuses unset ones: min above max). Weights, labels, provenance and
 * predictions stay exactly as they were.
 */
final class CompactDomains {
    private CompactDomains() {
    }

    /**
     * A model's protobuf with a compact feature domain: what {@code compact(model.serialize())} gives, built without
     * serializing the model's own domain when the model is a LibLinear one. Tribuo serializes each feature's
     * statistics through reflection, which took 10 of the 13 seconds of writing the article-bias stance bundle
     * (261,000 features); here each feature's protobuf is built directly from its name, count and id. Other
     * models take Tribuo's path.
     *
     * @param model a trained model
     * @return its protobuf, with a compact feature domain
     * @throws IllegalStateException if a LibLinear model cannot be serialized
     */
    static ModelProto serialize(Model<?> model) {
        if (!(model instanceof LibLinearModel<?> libLinear)) {
            return compact(model.serialize());
        }
        ModelDataProto metadata = metadataWithoutFeatures(model);
        ImmutableFeatureMapProto.Builder domain = ImmutableFeatureMapProto.newBuilder();
        for (VariableInfo v : model.getFeatureIDMap()) {
            VariableIDInfo idInfo = (VariableIDInfo) v;
            domain.addInfo(summary(v.getName(), v.getCount(), idInfo.getID()));
        }
        FeatureDomainProto features = FeatureDomainProto.newBuilder().setVersion(ImmutableFeatureMap.CURRENT_VERSION)
                .setClassName(ImmutableFeatureMap.class.getName()).setSerializedData(Any.pack(domain.build())).build();
        LibLinearModelProto.Builder data = LibLinearModelProto.newBuilder()
                .setMetadata(metadata.toBuilder().setFeatureDomain(features));
        for (de.bwaldvogel.liblinear.Model m : innerModels(libLinear)) {
            data.addModels(ByteString.copyFrom(javaSerialized(m)));
        }
        return ModelProto.newBuilder().setVersion(LibLinearModel.CURRENT_VERSION).setClassName(model.getClass().getName())
                .setSerializedData(Any.pack(data.build())).build();
    }

    /** Tribuo's metadata of a model (as {@code Model.createDataCarrier} makes it), with an empty feature domain. */
    private static <T extends Output<T>> ModelDataProto metadataWithoutFeatures(Model<T> model) {
        return new ModelDataCarrier<>(model.getName(), model.getProvenance(),
                new ImmutableFeatureMap(new MutableFeatureMap()), model.getOutputIDInfo(),
                model.generatesProbabilities(), model.getProvenance().getTribuoVersion()).serialize();
    }

    /**
     * The LibLinear models a Tribuo model wraps, the very objects: {@code getInnerModels()} copies each through
     * LibLinear's text format, which takes minutes for the 108-topic model.
     */
    @SuppressWarnings("unchecked")
    private static List<de.bwaldvogel.liblinear.Model> innerModels(LibLinearModel<?> model) {
        try {
            java.lang.reflect.Field f = LibLinearModel.class.getDeclaredField("models");
            f.setAccessible(true);
            return (List<de.bwaldvogel.liblinear.Model>) f.get(model);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the LibLinear models of Tribuo's LibLinearModel.models"
                    + " (another Tribuo version?)", e);
        }
    }

    /** A LibLinear model in Java serialization, as Tribuo's {@code LibLinearModel.serialize} stores it. */
    private static byte[] javaSerialized(de.bwaldvogel.liblinear.Model m) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(m);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not serialize a LibLinear model to a byte array", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param model a model in Tribuo's protobuf form (LibLinear, linear SGD or multinomial naive Bayes; others are returned as they are)
     * @return the same model with a compact feature domain
     * @throws IllegalArgumentException if the protobuf is malformed
     */
    static ModelProto compact(ModelProto model) {
        try {
            Any data = model.getSerializedData();
            Any packed;
            switch (model.getClassName()) {
                case TribuoLinearScorers.LIBLINEAR -> {
                    LibLinearModelProto p = data.unpack(LibLinearModelProto.class);
                    packed = Any.pack(p.toBuilder().setMetadata(compact(p.getMetadata())).build());
                }
                case TribuoLinearScorers.LINEAR_SGD -> {
                    ClassificationLinearSGDProto p = data.unpack(ClassificationLinearSGDProto.class);
                    packed = Any.pack(p.toBuilder().setMetadata(compact(p.getMetadata())).build());
                }
                case TribuoLinearScorers.NAIVE_BAYES -> {
                    MultinomialNaiveBayesProto p = data.unpack(MultinomialNaiveBayesProto.class);
                    packed = Any.pack(p.toBuilder().setMetadata(compact(p.getMetadata())).build());
                }
                default -> {
                    return model;
                }
            }
            return model.toBuilder().setSerializedData(packed).build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(model.getClassName() + ": malformed protobuf: " + e.getMessage(), e);
        }
    }

    private static ModelDataProto compact(ModelDataProto metadata) throws InvalidProtocolBufferException {
        FeatureDomainProto domain = metadata.getFeatureDomain();
        if (!domain.getClassName().equals(ImmutableFeatureMap.class.getName())) {
            return metadata;
        }
        ImmutableFeatureMapProto map = domain.getSerializedData().unpack(ImmutableFeatureMapProto.class);
        ImmutableFeatureMapProto.Builder out = map.toBuilder().clearInfo();
        for (VariableInfoProto v : map.getInfoList()) {
            String className = v.getClassName();
            if (className.equals(CategoricalIDInfo.class.getName())) {
                // Parsed directly: Tribuo's generic VariableInfo.deserialize looks the method up reflectively per feature.
                CategoricalIDInfoProto c = v.getSerializedData().unpack(CategoricalIDInfoProto.class);
                out.addInfo(summary(c.getName(), c.getCount(), c.getId()));
            } else if (className.equals(RealIDInfo.class.getName())) {
                RealIDInfoProto r = v.getSerializedData().unpack(RealIDInfoProto.class);
                out.addInfo(summary(r.getName(), r.getCount(), r.getId()));
            } else {
                out.addInfo(v);
            }
        }
        return metadata.toBuilder().setFeatureDomain(domain.toBuilder().setSerializedData(Any.pack(out.build()))).build();
    }

    /**
     * A feature's name, count and id; max, min, mean and sum of squares zeroed (not recorded). Built directly, as
     * {@code new RealIDInfo(name, count, 0, 0, 0, 0, id).serialize()} would build it (a test checks that they are
     * equal), because Tribuo's serialization goes through reflection for every feature: 5.7 s for the 261,300
     * features of an article-bias model.
     */
    static VariableInfoProto summary(String name, int count, int id) {
        RealIDInfoProto data = RealIDInfoProto.newBuilder().setName(name).setCount(count).setId(id)
                .setMax(0.0).setMin(0.0).setMean(0.0).setSumSquares(0.0).build();
        return VariableInfoProto.newBuilder().setVersion(RealIDInfo.CURRENT_VERSION)
                .setClassName(RealIDInfo.class.getName()).setSerializedData(Any.pack(data)).build();
    }
}

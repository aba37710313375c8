package dev.slant.inference.bundle;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.slant.inference.score.TribuoLinearScorers;
import org.tribuo.CategoricalIDInfo;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.RealIDInfo;
import org.tribuo.classification.mnb.protos.MultinomialNaiveBayesProto;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.common.liblinear.protos.LibLinearModelProto;
import org.tribuo.protos.core.FeatureDomainProto;
import org.tribuo.protos.core.ImmutableFeatureMapProto;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.VariableInfoProto;

/**
 * Shrinks a Tribuo model's protobuf before it goes into a bundle, without changing the model: Tribuo keeps every
 * feature seen with fewer than {@link org.tribuo.CategoricalInfo#THRESHOLD} distinct values as a categorical
 * feature with its whole value histogram, which for tf-idf features is most of the file (75 of the 81 MB of the
 * article-bias stance model). Each such feature is replaced by the real-valued summary Tribuo itself makes of it
 * ({@link org.tribuo.CategoricalInfo#generateRealInfo()}: count, min, max, mean, sum of squares), with the same
 * name and id. Weights, labels, provenance and predictions stay exactly as they were.
 */
final class CompactDomains {
    private CompactDomains() {
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
        String categorical = CategoricalIDInfo.class.getName();
        for (VariableInfoProto v : map.getInfoList()) {
            if (categorical.equals(v.getClassName())) {
                // Called directly: Tribuo's generic VariableInfo.deserialize looks the method up reflectively per feature.
                CategoricalIDInfo c = CategoricalIDInfo.deserializeFromProto(v.getVersion(), v.getClassName(), v.getSerializedData());
                out.addInfo(new RealIDInfo(c.generateRealInfo(), c.getID()).serialize());
            } else {
                out.addInfo(v);
            }
        }
        return metadata.toBuilder().setFeatureDomain(domain.toBuilder().setSerializedData(Any.pack(out.build()))).build();
    }
}

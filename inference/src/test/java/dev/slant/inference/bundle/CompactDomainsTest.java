package dev.slant.inference.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.LabelledArticle;
import dev.slant.inference.Synthetic;
import dev.slant.inference.TinyTrainers;
import dev.slant.inference.features.FeatureVector;
import dev.slant.inference.features.Featurizer;
import dev.slant.inference.model.FeatureNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.CategoricalInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.protos.core.ModelProto;

class CompactDomainsTest {
    /** The summary is built by hand for speed; it must be what Tribuo itself writes for such a feature. */
    @Test
    void aSummaryIsWhatTribuoWritesForTheSameFeature() {
        for (Object[] f : new Object[][] {{"b:12", 3, 0}, {"t:1048575", 26_590, 261_299}, {"", 0, 7}}) {
            String name = (String) f[0];
            int count = (Integer) f[1];
            int id = (Integer) f[2];
            assertEquals(new org.tribuo.RealIDInfo(name, count, 0.0, 0.0, 0.0, 0.0, id).serialize(),
                    CompactDomains.summary(name, count, id), name);
        }
    }

    /** The direct path skips Tribuo's serialization of the feature domain; the protobuf must be the same. */
    @Test
    void serializingAModelGivesWhatCompactingTribuosOwnProtobufGives() {
        List<LabelledArticle> training = Synthetic.articles(300, 1);
        Featurizer featurizer = Synthetic.featurizer(training);
        for (Map.Entry<String, org.tribuo.Trainer<Label>> t : TinyTrainers.all().entrySet()) {
            Model<Label> model = Synthetic.train(t.getValue(), featurizer, training, "stance");
            assertEquals(CompactDomains.compact(model.serialize()), CompactDomains.serialize(model), t.getKey());
        }
    }

    @Test
    void everyModelTypePredictsExactlyAsBeforeFromASmallerProtobufWithoutCategoricalFeatures() {
        List<LabelledArticle> training = Synthetic.articles(300, 1);
        Featurizer featurizer = Synthetic.featurizer(training);
        List<LabelledArticle> unseen = Synthetic.articles(40, 2);
        for (Map.Entry<String, org.tribuo.Trainer<Label>> t : TinyTrainers.all().entrySet()) {
            Model<Label> model = Synthetic.train(t.getValue(), featurizer, training, "stance");
            ModelProto original = model.serialize();
            ModelProto compact = CompactDomains.compact(original);
            assertTrue(compact.getSerializedSize() < original.getSerializedSize(), t.getKey() + ": "
                    + compact.getSerializedSize() + " bytes, was " + original.getSerializedSize());
            @SuppressWarnings("unchecked")
            Model<Label> back = (Model<Label>) Model.deserialize(compact);
            assertEquals(model.getFeatureIDMap().size(), back.getFeatureIDMap().size());
            boolean sawCategorical = false;
            for (VariableInfo info : model.getFeatureIDMap()) {
                VariableInfo after = back.getFeatureIDMap().get(info.getName());
                assertEquals(model.getFeatureIDMap().getID(info.getName()), back.getFeatureIDMap().getID(info.getName()));
                assertEquals(info.getCount(), after.getCount(), info.getName());
                assertFalse(after instanceof CategoricalInfo, info.getName() + " is summarized as a real-valued feature");
                // Name, id and count only: the value statistics are zeroed.
                RealInfo kept = (RealInfo) after;
                assertEquals(List.of(0.0, 0.0, 0.0, 0.0), List.of(kept.getMax(), kept.getMin(), kept.getMean(), kept.getVariance()), info.getName());
                sawCategorical |= info instanceof CategoricalInfo;
            }
            assertTrue(sawCategorical, t.getKey() + ": the original keeps value histograms");
            assertEquals(model.getProvenance(), back.getProvenance());
            for (LabelledArticle a : unseen) {
                FeatureVector v = featurizer.featurize(a.article());
                Prediction<Label> p = model.predict(FeatureNames.example(LabelFactory.UNKNOWN_LABEL, v));
                Prediction<Label> q = back.predict(FeatureNames.example(LabelFactory.UNKNOWN_LABEL, v));
                assertEquals(p.getOutput().getLabel(), q.getOutput().getLabel());
                p.getOutputScores().forEach((label, score) -> assertEquals(score.getScore(),
                        q.getOutputScores().get(label).getScore(), 0.0, t.getKey() + " " + a.id() + " " + label));
            }
        }
    }
}

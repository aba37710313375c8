package dev.slant.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slant.inference.bundle.Manifest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an evaluation's layout is read from the report training stored in the manifest. */
class TargetSetupTest {

    private static Manifest withStoredLabels(Manifest m, String... labels) {
        ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        ObjectNode stored = metrics.putObject("targets").putObject("stance").putObject("test").putArray("targets")
                .addObject();
        stored.put("target", "stance").put("kind", "evaluation").put("ordinal", true)
                .put("baseline", "majority 'right'");
        var list = stored.putArray("labels");
        for (String l : labels) {
            list.add(l);
        }
        return new Manifest(m.formatVersion(), m.slantVersion(), m.created(), m.targets(), m.featurizer(), m.seed(),
                m.trainingDataSha256(), m.rowsUsed(), m.rowsRejected(), metrics, m.entries());
    }

    @Test
    void aStoredGoldLabelTheModelLacksLeavesTheStoredOrderOfTheOthers() {
        Manifest real = RealBundle.get().classifier.manifest();
        List<String> model = real.target("stance").labels();
        assertEquals(3, model.size());
        // Training's test part met a gold label the model never saw, so the stored report lists four.
        TargetSetup setup = TargetSetup.of(withStoredLabels(real, "right", "biased", "center", "left"), "stance");
        assertEquals(List.of("right", "center", "left"), setup.labels());
        assertEquals("right", setup.baselineLabel());
        assertEquals(true, setup.ordinal());
    }

    @Test
    void aStoredListMissingAModelLabelFallsBackToTheModelsOrder() {
        Manifest real = RealBundle.get().classifier.manifest();
        TargetSetup setup = TargetSetup.of(withStoredLabels(real, "right", "left"), "stance");
        assertEquals(real.target("stance").labels(), setup.labels());
    }
}

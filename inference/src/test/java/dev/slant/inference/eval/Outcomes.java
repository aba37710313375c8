package dev.slant.inference.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds small outcome lists for tests: labels are single letters, "-" is an abstention. */
public final class Outcomes {
    /** Three labels in order: L, C, R. */
    public static final List<String> LCR = List.of("L", "C", "R");

    private Outcomes() {
    }

    /**
     * @param prefix article id prefix, so folds get distinct ids
     * @param gold   gold labels, one letter each, for example "LCRR"
     * @param pred   predicted labels, one letter each, "-" for an abstention
     * @return outcomes without probabilities, ids prefix0, prefix1, ...
     */
    public static List<Outcome> of(String prefix, String gold, String pred) {
        if (gold.length() != pred.length()) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        List<Outcome> list = new ArrayList<>();
        for (int i = 0; i < gold.length(); i++) {
            String g = String.valueOf(gold.charAt(i));
            String p = String.valueOf(pred.charAt(i));
            list.add(p.equals("-")
                    ? Outcome.abstained(prefix + i, g, Map.of())
                    : Outcome.answered(prefix + i, g, p, Map.of()));
        }
        return list;
    }
}

package dev.slant.inference.eval;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The labels an evaluation is made over, decided in one place so that training, {@code slant evaluate} and the
 * Spark job print the same tables: a target's declared labels in their order, else every label the model knows or
 * the evaluated articles carry, sorted. An article whose gold label training never saw is then an error of the
 * model, counted in the figures, rather than a reason to refuse the evaluation or to skip the article.
 *
 * <p>The result depends on the three collections as sets only (and on the declared order), so the labels of parts
 * of the articles, gathered in any order, give the labels of the whole.
 */
public final class EvaluationLabels {
    private EvaluationLabels() {
    }

    /**
     * @param declared the target's declared labels (empty when it declares none)
     * @param known    the labels training saw and the model knows
     * @param gold     the gold labels of the evaluated articles
     * @return the declared labels when they cover the others, else the sorted union of known and gold labels
     * @throws NullPointerException if a collection or a label in it is null
     */
    public static List<String> of(List<String> declared, Collection<String> known, Collection<String> gold) {
        if (!declared.isEmpty() && declared.containsAll(known) && declared.containsAll(gold)) {
            return List.copyOf(declared);
        }
        TreeSet<String> all = new TreeSet<>(known);
        all.addAll(gold);
        return List.copyOf(all);
    }

    /**
     * Whether an evaluation over the chosen labels may measure an ordinal figure (MAE): only when the target is
     * ordinal and the labels are its declared ones in their declared order. A gold label outside the declared
     * scale makes {@link #of} sort the labels, and positions in sorted order measure no distance.
     *
     * @param declared        the target's declared labels
     * @param declaredOrdinal whether the target declares its labels ordered
     * @param chosen          the labels from {@link #of}
     * @return whether the chosen order is the target's ordinal scale
     * @throws NullPointerException if a list is null
     */
    public static boolean ordinal(List<String> declared, boolean declaredOrdinal, List<String> chosen) {
        return declaredOrdinal && !declared.isEmpty() && chosen.equals(declared);
    }
}

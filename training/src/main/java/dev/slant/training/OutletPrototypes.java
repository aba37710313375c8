package dev.slant.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outlet prototypes: the classes a LibLinear model of a few labels is trained on in place of its labels. Each pair
 * of an outlet and a label that holds at least a share of the training articles is a class of its own; the rest of
 * each label's articles make one more. The model learns one-vs-rest weights for those classes, and each label's
 * weights are the mean of its classes' ({@link ParallelLibLinearTrainer}), so the model written is an ordinary
 * linear model over the labels, and scoring costs the same.
 *
 * <p>Without them, a label's weights are dominated by the few large outlets that supply most of its articles, and
 * they describe those outlets. With them, each large outlet and the label's remaining outlets have an equal say.
 * The default share is {@link TrainerSettings#DEFAULT_PROTOTYPE_SHARE}, where its figures are.
 */
final class OutletPrototypes {
    /** Joins a label and an outlet into a class name. */
    static final String JOIN = " @ ";

    private OutletPrototypes() {
    }

    /**
     * Each training article's class.
     *
     * @param labels  each training article's label
     * @param outlets each training article's outlet, in the same order
     * @param share   the share of the articles a pair needs, in (0, 1)
     * @return the classes, or null when no pair reaches the share (the classes would be the labels)
     * @throws IllegalArgumentException if the lists differ in length or share is outside (0, 1)
     */
    static Assignment assign(List<String> labels, List<String> outlets, double share) {
        if (labels.size() != outlets.size()) {
            throw new IllegalArgumentException(labels.size() + " labels but " + outlets.size() + " outlets");
        }
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("share must be in (0, 1), got " + share);
        }
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            pairs.merge(labels.get(i) + JOIN + outlets.get(i), 1, Integer::sum);
        }
        long needed = (long) Math.ceil(share * labels.size());
        List<String> classes = new ArrayList<>(labels.size());
        Map<String, String> labelOf = new LinkedHashMap<>();
        boolean split = false;
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            String pair = label + JOIN + outlets.get(i);
            String c = pairs.get(pair) >= needed ? pair : label;
            split |= c != label;
            String before = labelOf.putIfAbsent(c, label);
            if (before != null && !before.equals(label)) {
                throw new IllegalStateException("class name '" + c + "' stands for labels '" + before + "' and '" + label + "'");
            }
            classes.add(c);
        }
        return split ? new Assignment(classes, labelOf) : null;
    }

    /**
     * @param classes each training article's class
     * @param labelOf each class's label
     */
    record Assignment(List<String> classes, Map<String, String> labelOf) {
        /** Copies. */
        Assignment {
            classes = List.copyOf(classes);
            labelOf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelOf));
        }
    }
}

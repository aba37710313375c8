package dev.slant.training;

/**
 * One tried setting of a selection grid and how it did on the validation part.
 *
 * @param target        the target
 * @param featurizer    the featurizer variant, described
 * @param trainer       the trainer settings, described
 * @param validMacroF1  macro-F1 on the valid part
 * @param validAccuracy accuracy on the valid part
 * @param seconds       training time
 * @param chosen        whether this row was kept
 */
public record GridRow(String target, String featurizer, String trainer, double validMacroF1, double validAccuracy,
                      double seconds, boolean chosen) {
    /** @return this row marked as chosen */
    public GridRow asChosen() {
        return new GridRow(target, featurizer, trainer, validMacroF1, validAccuracy, seconds, true);
    }
}

package dev.slant.datasets.split;

/**
 * The shares of a split's valid and test parts; train gets the rest.
 *
 * @param valid share of the valid part, in [0, 1)
 * @param test  share of the test part, in [0, 1)
 */
public record Fractions(double valid, double test) {
    /** The default: 10% valid, 10% test. */
    public static final Fractions DEFAULT = new Fractions(0.1, 0.1);

    /** Validates. @throws IllegalArgumentException if a share is outside [0, 1) or they leave no train part */
    public Fractions {
        if (!(valid >= 0 && valid < 1) || !(test >= 0 && test < 1) || valid + test >= 1) {
            throw new IllegalArgumentException("valid and test shares must be in [0, 1) and sum to less than 1, got "
                    + valid + " and " + test);
        }
    }
}

package dev.slant.inference.eval;

import java.util.Locale;
import java.util.OptionalDouble;

/** How reports write figures: ratios as percentages with two decimals, MAE with three. */
public final class Format {
    /** Written where a figure was not measured. */
    public static final String NOT_MEASURED = "n/a";

    private Format() {
    }

    /**
     * @param ratio a ratio in [0, 1]
     * @return it as a percentage with two decimals, for example "46.08"
     */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio * 100);
    }

    /**
     * @param ratio a ratio, possibly not measured
     * @return it as {@link #percent}, or {@link #NOT_MEASURED}
     * @throws NullPointerException if the ratio is null
     */
    public static String percent(OptionalDouble ratio) {
        return ratio.isPresent() ? percent(ratio.getAsDouble()) : NOT_MEASURED;
    }

    /**
     * @param distance a mean label distance
     * @return it with three decimals, for example "0.848"
     */
    public static String distance(double distance) {
        return String.format(Locale.ROOT, "%.3f", distance);
    }

    /**
     * @param distance a mean label distance, possibly not measured
     * @return it as {@link #distance(double)}, or {@link #NOT_MEASURED}
     * @throws NullPointerException if the distance is null
     */
    public static String distance(OptionalDouble distance) {
        return distance.isPresent() ? distance(distance.getAsDouble()) : NOT_MEASURED;
    }
}

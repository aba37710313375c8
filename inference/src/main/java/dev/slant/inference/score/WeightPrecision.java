package dev.slant.inference.score;

/** How a {@link LinearScorer} stores its weights. */
public enum WeightPrecision {
    /**
     * 8 bytes per weight: decision values equal Tribuo's to rounding (about 1e-15 relative).
     */
    DOUBLE(8),
    /**
     * 4 bytes per weight, half the heap. Each weight is rounded to the nearest float (relative error at most
     * 2^-24, about 6e-8), so a decision value moves by at most 6e-8 times the sum of |weight x value| over the
     * article's known features; sums are still taken in double.
     */
    FLOAT(4),
    /**
     * 2 bytes per weight, a quarter of the heap: each weight rounded to the nearest {@link BFloat16} (relative error
     * at most 2^-8, about 0.4%); sums are still taken in double. Exact for a model trained so (its weights rounded
     * to bfloat16 as soon as solved).
     */
    BFLOAT16(2);

    private final int bytes;

    WeightPrecision(int bytes) {
        this.bytes = bytes;
    }

    /** @return bytes per weight */
    public int bytes() {
        return bytes;
    }

    /**
     * @param v a weight
     * @return the nearest value of this precision
     * @throws IllegalArgumentException for {@link #BFLOAT16}, if the value is not finite or beyond its range
     */
    public double round(double v) {
        return switch (this) {
            case DOUBLE -> v;
            case FLOAT -> (float) v;
            case BFLOAT16 -> BFloat16.rounded(v);
        };
    }
}

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
    FLOAT(4);

    private final int bytes;

    WeightPrecision(int bytes) {
        this.bytes = bytes;
    }

    /** @return bytes per weight */
    public int bytes() {
        return bytes;
    }
}

package dev.slant.inference.score;

/**
 * bfloat16: a float's upper 16 bits (sign, the float's 8-bit exponent, 7 of its 23 fraction bits), so that converting
 * back is a shift. Its 8 significant bits round a weight with a relative error of at most 2^-8 (0.4%).
 */
public final class BFloat16 {
    private BFloat16() {
    }

    /**
     * @param v a finite value
     * @return the nearest bfloat16 (ties to even), as its 16 bits; below float's normal range, the nearest to the
     *         value rounded to float
     * @throws IllegalArgumentException if the value is not finite or rounds beyond bfloat16's range
     */
    public static short round(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite value: " + v);
        }
        float f = (float) v;
        if (Math.abs(v) >= Float.MIN_NORMAL) {
            // Rounded once, in the double's own bits, at its 8th significant bit (52 - 7 = 45 bits dropped); the
            // result has 8 significant bits, so the float is exact (or infinite, caught below).
            long bits = Double.doubleToRawLongBits(v);
            bits += ((1L << 44) - 1) + ((bits >>> 45) & 1);
            f = (float) Double.longBitsToDouble(bits & -(1L << 45));
        }
        int bits = Float.floatToRawIntBits(f);
        short h = (short) ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16);
        if (!Float.isFinite(toFloat(h))) {
            throw new IllegalArgumentException(v + " is beyond bfloat16's range");
        }
        return h;
    }

    /**
     * @param h a bfloat16's 16 bits
     * @return its value
     */
    public static float toFloat(short h) {
        return Float.intBitsToFloat(h << 16);
    }

    /**
     * @param v a value
     * @return v rounded to the nearest bfloat16, as a double
     * @throws IllegalArgumentException as {@link #round}
     */
    public static double rounded(double v) {
        return toFloat(round(v));
    }

    /**
     * @param v a value
     * @return whether v is a bfloat16 exactly (so storing it as one loses nothing)
     */
    public static boolean isExact(double v) {
        float f = (float) v;
        return f == v && (Float.floatToRawIntBits(f) & 0xffff) == 0;
    }
}

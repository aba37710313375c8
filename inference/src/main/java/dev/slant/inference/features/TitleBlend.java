package dev.slant.inference.features;

import java.util.Arrays;

/**
 * Stage 5 for a title weighed apart ({@link FeaturizerSettings#titleWeight()} above 0): the title's and the body's
 * unit vectors are added, the title's times its weight, and the sum is scaled to unit length. Also the layout of such
 * an article's raw counts: the body's buckets as they are, then the title's offset by the bucket count, so that the
 * two can be weighed apart later.
 */
final class TitleBlend {
    private TitleBlend() {
    }

    /**
     * @param title   the title's unit vector
     * @param body    the body's unit vector
     * @param weight  the title's weight
     * @return weight * title + body, scaled to unit length (empty if both are)
     */
    static FeatureVector blend(FeatureVector title, FeatureVector body, double weight) {
        return sum(title, body, weight, true);
    }

    /**
     * @param title  a vector
     * @param body   a vector
     * @param weight the title's factor
     * @param unit   whether to scale the sum to unit length
     * @return weight * title + body, bucket by bucket
     */
    private static FeatureVector sum(FeatureVector title, FeatureVector body, double weight, boolean unit) {
        int[] ti = title.indices();
        double[] tv = title.values();
        int[] bi = body.indices();
        double[] bv = body.values();
        int[] idx = new int[ti.length + bi.length];
        double[] val = new double[idx.length];
        int t = 0;
        int b = 0;
        int k = 0;
        double norm = 0;
        while (t < ti.length || b < bi.length) {
            double v;
            if (b == bi.length || (t < ti.length && ti[t] < bi[b])) {
                idx[k] = ti[t];
                v = weight * tv[t++];
            } else if (t == ti.length || bi[b] < ti[t]) {
                idx[k] = bi[b];
                v = bv[b++];
            } else {
                idx[k] = bi[b];
                v = weight * tv[t++] + bv[b++];
            }
            val[k++] = v;
            norm += v * v;
        }
        if (unit && norm > 0) {
            double inv = 1.0 / Math.sqrt(norm);
            for (int i = 0; i < k; i++) {
                val[i] *= inv;
            }
        }
        return k == idx.length ? new FeatureVector(idx, val) : new FeatureVector(Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
    }

    /**
     * @param title   the title's raw counts
     * @param body    the body's raw counts
     * @param buckets the bucket count
     * @return the body's counts, then the title's at their bucket plus {@code buckets}
     */
    static FeatureVector apart(FeatureVector title, FeatureVector body, int buckets) {
        int nb = body.size();
        int[] idx = Arrays.copyOf(body.indices(), nb + title.size());
        double[] val = Arrays.copyOf(body.values(), idx.length);
        int[] ti = title.indices();
        System.arraycopy(title.values(), 0, val, nb, ti.length);
        for (int i = 0; i < ti.length; i++) {
            idx[nb + i] = ti[i] + buckets;
        }
        return new FeatureVector(idx, val);
    }

    /**
     * @param counts  counts laid out by {@link #apart}
     * @param buckets the bucket count
     * @return the position of the title's first count in {@code counts}
     */
    static int titleStart(FeatureVector counts, int buckets) {
        int at = Arrays.binarySearch(counts.indices(), buckets);
        return at >= 0 ? at : -at - 1;
    }

    /**
     * @param counts  counts laid out by {@link #apart}
     * @param from    the first position to take
     * @param to      the position after the last
     * @param offset  subtracted from each index
     * @return that run of counts
     */
    static FeatureVector part(FeatureVector counts, int from, int to, int offset) {
        int[] idx = Arrays.copyOfRange(counts.indices(), from, to);
        if (offset != 0) {
            for (int i = 0; i < idx.length; i++) {
                idx[i] -= offset;
            }
        }
        return new FeatureVector(idx, Arrays.copyOfRange(counts.values(), from, to));
    }

    /**
     * @param counts  counts laid out by {@link #apart}
     * @param buckets the bucket count
     * @return title and body counted together, per bucket (as idf counts documents)
     */
    static FeatureVector together(FeatureVector counts, int buckets) {
        int split = titleStart(counts, buckets);
        if (split == counts.size()) {
            return counts;
        }
        FeatureVector body = part(counts, 0, split, 0);
        FeatureVector title = part(counts, split, counts.size(), buckets);
        return sum(title, body, 1.0, false);
    }
}

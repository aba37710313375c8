package dev.slant.inference.model;

import dev.slant.inference.features.FeatureVector;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * How hashed buckets are named as Tribuo features: bucket {@code b} is the feature {@code "b" + b}, zero-padded
 * to eight digits so that name order equals bucket order. Names are made once per bucket and shared.
 */
public final class FeatureNames {
    private static final int CACHE = 1 << 22;

    /** The name cache (16 MB of references), made on first use of {@link #of}, not by {@link #bucket}. */
    private static final class Names {
        static final AtomicReferenceArray<String> NAMES = new AtomicReferenceArray<>(CACHE);
    }

    private FeatureNames() {
    }

    /**
     * @param bucket a bucket
     * @return its feature name
     */
    public static String of(int bucket) {
        if (bucket < CACHE) {
            String s = Names.NAMES.get(bucket);
            if (s == null) {
                s = format(bucket);
                Names.NAMES.compareAndSet(bucket, null, s);
            }
            return s;
        }
        return format(bucket);
    }

    /**
     * @param name a feature name made by {@link #of}
     * @return its bucket
     * @throws IllegalArgumentException if the name is not a bucket name
     */
    public static int bucket(String name) {
        if (name.length() != 9 || name.charAt(0) != 'b') {
            throw new IllegalArgumentException("not a bucket feature name: '" + name + "'");
        }
        return Integer.parseInt(name, 1, 9, 10);
    }

    private static String format(int bucket) {
        String digits = Integer.toString(bucket);
        return "b" + "00000000".substring(digits.length()) + digits;
    }

    /**
     * A Tribuo example of a feature vector.
     *
     * @param <T>    the output type
     * @param output the example's output (a label, or the unknown output for prediction)
     * @param v      the vector
     * @return the example
     */
    public static <T extends Output<T>> Example<T> example(T output, FeatureVector v) {
        String[] names = new String[v.size()];
        int[] idx = v.indices();
        for (int i = 0; i < names.length; i++) {
            names[i] = of(idx[i]);
        }
        return new ArrayExample<>(output, names, v.values().clone());
    }
}

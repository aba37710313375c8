package dev.slant.inference.features;

/** Receives hashed features: the bucket, and the span of text the feature came from (for explanations). */
@FunctionalInterface
public interface FeatureSink {
    /**
     * @param bucket the feature's bucket
     * @param start  first char of the feature's span in its field's text
     * @param end    one past the span's last char
     */
    void feature(int bucket, int start, int end);
}

package dev.slant.inference.features;

/** Receives the tokens of a text, in order. */
@FunctionalInterface
interface TokenSink {
    /**
     * @param hash  the token's hash ({@link FeatureHash#token})
     * @param start the token's first char in the text
     * @param end   one past its last char
     */
    void token(int hash, int start, int end);
}

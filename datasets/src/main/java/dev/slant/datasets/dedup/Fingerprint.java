package dev.slant.datasets.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 128-bit fingerprint of a text: the first 16 bytes of the SHA-256 digest of its UTF-8 encoding. Two texts
 * with the same fingerprint are taken to be equal without comparing them, so duplicate detection keeps 16 bytes
 * per text instead of the text. The chance that any two of {@code n} different texts share a fingerprint is at
 * most {@code n^2 / 2^129}: below 10^-20 even for a billion texts.
 *
 * @param high the first 8 bytes of the digest, big-endian
 * @param low  the next 8 bytes
 */
public record Fingerprint(long high, long low) {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    });

    /**
     * Fingerprints a text.
     *
     * @param text the text
     * @return its fingerprint
     * @throws NullPointerException if text is null
     */
    public static Fingerprint of(String text) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        ByteBuffer bytes = ByteBuffer.wrap(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        return new Fingerprint(bytes.getLong(), bytes.getLong());
    }

    /** @return the 32 hexadecimal digits of the fingerprint */
    @Override
    public String toString() {
        return String.format("%016x%016x", high, low);
    }
}

package dev.slant.spark;

import dev.slant.inference.SlantClassifier;
import dev.slant.inference.bundle.BundleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The classifiers loaded in this JVM, one per bundle, keyed by the bundle's SHA-256: every task of an executor
 * shares the one it loaded first (a {@link SlantClassifier} is thread-safe).
 */
final class ClassifierCache {
    private static final Map<String, SlantClassifier> LOADED = new ConcurrentHashMap<>();

    private ClassifierCache() {
    }

    /**
     * The classifier of a bundle, loaded on first use from its bytes (written to a temporary file, checked against
     * the hash, read by {@link SlantClassifier#load} and deleted).
     *
     * @param sha256 the bundle's SHA-256, hex
     * @param bytes  supplies the bundle's bytes (a broadcast variable's value), called at most once per JVM
     * @return the classifier
     * @throws IllegalStateException if the bytes do not hash to {@code sha256} or are not a valid bundle
     */
    static SlantClassifier get(String sha256, Supplier<byte[]> bytes) {
        return LOADED.computeIfAbsent(sha256, sha -> load(sha, bytes.get()));
    }

    private static SlantClassifier load(String sha256, byte[] bytes) {
        String actual = sha256(bytes);
        if (!actual.equals(sha256)) {
            throw new IllegalStateException("the broadcast bundle hashes to " + actual + ", expected " + sha256);
        }
        Path file = null;
        try {
            file = Files.createTempFile("slant-" + sha256.substring(0, 12) + "-", ".slant");
            Files.write(file, bytes);
            return SlantClassifier.load(file);
        } catch (BundleException e) {
            throw new IllegalStateException("the broadcast bundle " + sha256 + " cannot be loaded: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broadcast bundle " + sha256 + " to a temporary file", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * @param bytes some bytes
     * @return their SHA-256, lower-case hex
     */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Puts a classifier the driver already loaded, so that local mode does not load the bundle twice.
     *
     * @param sha256     the bundle's SHA-256
     * @param classifier the classifier loaded from it
     */
    static void put(String sha256, SlantClassifier classifier) {
        LOADED.putIfAbsent(sha256, classifier);
    }
}

package dev.slant.inference.batch;

/** Hears how far a batch run has got; called from the writing thread after each chunk of articles. */
@FunctionalInterface
public interface ScoreProgress {
    /** Hears nothing. */
    ScoreProgress NONE = (written, bytes) -> { };

    /**
     * @param written articles written so far
     * @param bytes   bytes of (decompressed) input read so far
     */
    void update(long written, long bytes);
}

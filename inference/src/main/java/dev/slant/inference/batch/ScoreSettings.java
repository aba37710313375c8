package dev.slant.inference.batch;

/**
 * How a batch is scored and written.
 *
 * @param threads          scoring worker threads, 1 or more
 * @param probabilities    whether to write every label's probability
 * @param explain          how many n-grams and sentences explain each label, 0 for no explanations
 * @param format           the output's layout
 */
public record ScoreSettings(int threads, boolean probabilities, int explain, OutputFormat format) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if threads is below 1 or explain is negative
     * @throws NullPointerException     if format is null
     */
    public ScoreSettings {
        java.util.Objects.requireNonNull(format, "format");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (explain < 0) {
            throw new IllegalArgumentException("explain must be 0 (none) or more, got " + explain);
        }
    }

    /** @return the default number of worker threads: the available processors */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}

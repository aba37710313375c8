package dev.slant.training;

/** Where a long run reports what it is doing. Implementations decide how to show it (a bar, a log line, nothing). */
public interface Progress {
    /** Shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void phase(String description) {
        }

        @Override
        public void step(int done) {
        }
    };

    /**
     * A new phase starts.
     *
     * @param description what it does, e.g. "featurizing 37554 articles"
     */
    void phase(String description);

    /**
     * Work done within the current phase.
     *
     * @param done units done so far
     */
    void step(int done);
}

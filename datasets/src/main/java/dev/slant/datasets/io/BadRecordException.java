package dev.slant.datasets.io;

/** A bad input record met in {@link ReadMode#STRICT} mode; the message names file, record, line and column. */
public class BadRecordException extends RuntimeException {
    private final RecordProblem problem;

    /**
     * @param problem what is wrong and where
     * @param cause   the underlying parser or decoder error, or null
     */
    public BadRecordException(RecordProblem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    /** @return what is wrong and where */
    public RecordProblem problem() {
        return problem;
    }
}

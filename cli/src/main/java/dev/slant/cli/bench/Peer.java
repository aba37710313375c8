package dev.slant.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Another text classifier that {@code slant bench --peers} runs on the same split, when it is installed. */
public interface Peer {
    /** @return the peer's name in the table */
    String name();

    /** @return why the peer cannot run here (not installed), or empty when it can */
    Optional<String> unavailable();

    /** @return what the peer runs, for the notes under the table */
    String describe();

    /**
     * Trains on the train part (choosing on the valid part if it does) and predicts the test part.
     *
     * @param data    the split's articles
     * @param dir     a folder of its own for its files
     * @param threads threads it may use for training
     * @return what it took and what it predicted
     * @throws IOException          if a file cannot be written or the peer's program fails
     * @throws InterruptedException if interrupted
     */
    Run run(PeerData data, Path dir, int threads) throws IOException, InterruptedException;

    /**
     * A peer's measured run.
     *
     * @param trainSeconds     training, reading its input included
     * @param scoreSeconds     scoring the test part once, on one thread, model loading excluded
     * @param trainPeakBytes   peak resident memory of training, -1 if unknown
     * @param scorePeakBytes   peak resident memory of scoring, -1 if unknown
     * @param modelBytes       the saved model's size
     * @param predictions      predicted label per test article id
     */
    record Run(double trainSeconds, double scoreSeconds, long trainPeakBytes, long scorePeakBytes, long modelBytes,
               Map<String, String> predictions) {
        /** Copies. @throws NullPointerException if predictions are null */
        public Run {
            predictions = Map.copyOf(Objects.requireNonNull(predictions, "predictions"));
        }
    }
}

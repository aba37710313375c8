package dev.slant.datasets.io;

import java.io.Closeable;
import java.io.IOException;

/** Cleaning up after a failure without losing it. */
final class IoFailures {
    private IoFailures() {
    }

    /**
     * Closes a resource after a failure; an error in closing is added to the failure as suppressed.
     *
     * @param failure   the failure being thrown
     * @param resources what to close
     */
    static void closeAfter(Exception failure, Closeable resources) {
        try {
            resources.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

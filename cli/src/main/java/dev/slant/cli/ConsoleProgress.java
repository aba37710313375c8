package dev.slant.cli;

import dev.slant.training.Progress;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: on a terminal a progress bar per phase (from the progressbar library); elsewhere one line
 * per phase, so that logs of batch jobs stay readable. Use {@link Progress#NONE} for {@code --quiet}.
 */
public final class ConsoleProgress implements Progress, AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private final long created = System.nanoTime();

    /**
     * @param err      where messages go
     * @param terminal whether stderr is a terminal (bars) or not (lines)
     */
    public ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * Chooses by the environment.
     *
     * @param err   where messages go
     * @param quiet {@code --quiet}
     * @return {@link Progress#NONE} when quiet, else a console progress
     */
    public static Progress forConsole(PrintWriter err, boolean quiet) {
        return quiet ? Progress.NONE : new ConsoleProgress(err, System.console() != null);
    }

    @Override
    public synchronized void phase(String description) {
        finishBar();
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(description).setStyle(ProgressBarStyle.ASCII)
                    .setInitialMax(-1).continuousUpdate().build();
        } else {
            err.printf("slant: [%6.1f s] %s%n", (System.nanoTime() - created) / 1e9, description);
            err.flush();
        }
    }

    @Override
    public synchronized void step(int done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    private void finishBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        finishBar();
    }
}

package kuibu.mnist.tool;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress through work made of a known number of steps, on standard error so that it never mixes with
 * what a command prints as its result: a bar on a terminal, else one plain line as each step begins
 * ("bench [3/8] nielsen: training, fast engine, 2 threads").
 */
final class Steps implements AutoCloseable {

    private final String task;
    private final int total;
    private final PrintWriter err;
    private final ProgressBar bar;
    private int begun;

    /** A bar where standard error is a terminal. */
    Steps(String task, int total, PrintWriter err) {
        this(task, total, err, Training.Progress.isTerminal());
    }

    /** {@code bar}: a bar (on a terminal) rather than lines; lines where a step prints a bar of its own. */
    Steps(String task, int total, PrintWriter err, boolean bar) {
        this.task = task;
        this.total = total;
        this.err = err;
        this.bar = bar ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).continuousUpdate().hideEta().build() : null;
    }

    /** The next step begins (the one before it has ended). */
    void begin(String what) {
        if (bar != null) {
            bar.stepTo(begun);
            bar.setExtraMessage(what);
        } else {
            err.printf("%s [%d/%d] %s%n", task, begun + 1, total, what);
            err.flush();
        }
        begun++;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.stepTo(begun);
            bar.close();
        }
    }
}

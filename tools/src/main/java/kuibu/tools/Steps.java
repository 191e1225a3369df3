package kuibu.tools;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress through work made of a known number of steps, on standard error so that it never mixes with
 * what a command prints as its result: a bar on a terminal, else one plain line as each step begins
 * ("grade [3/12] alice graded: 35/40", "bench [3/8] nielsen: training, fast engine, 2 threads").
 */
public final class Steps implements AutoCloseable {

    private final String task;
    private final int total;
    private final PrintWriter err;
    private final ProgressBar bar;
    private int begun;

    /** A bar where standard error is a terminal. */
    public Steps(String task, int total, PrintWriter err) {
        this(task, total, err, isTerminal());
    }

    /** {@code bar}: a bar (on a terminal) rather than lines; lines where a step prints a bar of its own. */
    public Steps(String task, int total, PrintWriter err, boolean bar) {
        this.task = task;
        this.total = total;
        this.err = err;
        this.bar = bar ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).continuousUpdate().hideEta().build() : null;
    }

    /** The next step begins (the one before it has ended). */
    public void begin(String what) {
        if (bar != null) {
            bar.stepTo(begun);
            bar.setExtraMessage(what);
        } else {
            err.printf("%s [%d/%d] %s%n", task, begun + 1, total, what);
            err.flush();
        }
        begun++;
    }

    /** A step has ended ({@code what}: which, and how it went); for steps that end in no set order. */
    public void done(String what) {
        begun++;
        if (bar != null) {
            bar.stepTo(begun);
            bar.setExtraMessage(what);
        } else {
            err.printf("%s [%d/%d] %s%n", task, begun, total, what);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.stepTo(begun);
            bar.close();
        }
    }

    /** A console that is a real terminal (JDK 22+ returns a console for pipes too; ask it then). */
    public static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}

package kuibu.mnist;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a loop over rows on a fixed number of threads. The rows are cut into contiguous blocks; since
 * every result element belongs to exactly one row, the numbers do not depend on the thread count.
 *
 * <p>The calling thread works too: it hands blocks 1, 2, … to a pool of {@code threads − 1} helpers,
 * runs block 0 itself and then joins the others. A helper that has not woken up yet by then loses its
 * block back to the caller, so on a busy machine a product is not much slower than on one thread.
 */
final class Parallel implements AutoCloseable {

    /**
     * Below this many multiply-adds (not counting those skipped for zero inputs) a product runs on the
     * calling thread: handing half of it over costs more than it saves. Measured on 2 cores: 784-256-10
     * with batch 16 (about 0.6 million in the input layer's products) was slower on two threads, with
     * batch 64 (about 2.5 million) faster.
     */
    static final long MIN_WORK = 2_000_000;

    interface Rows {
        void run(int from, int to);
    }

    private final int threads;
    private final long minWork;
    private final ForkJoinPool helpers;

    Parallel(int threads) {
        this(threads, MIN_WORK);
    }

    /** With a threshold of your own: tests use 0 to split every product. */
    Parallel(int threads, long minWork) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.minWork = minWork;
        this.helpers = threads == 1 ? null : new ForkJoinPool(threads - 1);
    }

    int threads() {
        return threads;
    }

    /** body.run over [0, rows), split across the threads when {@code work} is large enough. */
    void forRows(int rows, long work, Rows body) {
        if (helpers == null || work < minWork || rows < 2) {
            body.run(0, rows);
            return;
        }
        int blocks = Math.min(threads, rows);
        Block[] handed = new Block[blocks - 1];
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[blocks - 1];
        for (int b = 1; b < blocks; b++) {
            handed[b - 1] = new Block(body, (int) ((long) rows * b / blocks), (int) ((long) rows * (b + 1) / blocks));
            tasks[b - 1] = helpers.submit(handed[b - 1]);
        }
        body.run(0, rows / blocks);
        for (int t = handed.length - 1; t >= 0; t--) {
            if (handed[t].compareAndSet(false, true)) {
                handed[t].body.run(handed[t].from, handed[t].to);   // no helper took it yet: do it here
            } else {
                tasks[t].join();
            }
        }
    }

    /** A block of rows that whichever thread claims it first runs. */
    private static final class Block extends AtomicBoolean implements Runnable {
        private static final long serialVersionUID = 1L;
        final transient Rows body;
        final int from;
        final int to;

        Block(Rows body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        @Override
        public void run() {
            if (compareAndSet(false, true)) {
                body.run(from, to);
            }
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdown();
        }
    }
}

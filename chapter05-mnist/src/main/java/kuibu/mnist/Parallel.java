package kuibu.mnist;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Runs a loop over rows on a fixed number of threads. The rows are cut into contiguous blocks; since
 * every result element belongs to exactly one row, the numbers do not depend on the thread count.
 */
final class Parallel implements AutoCloseable {

    /** Below this many multiply-adds a product runs on the calling thread: handing it over costs more. */
    static final long MIN_WORK = 40_000;

    interface Rows {
        void run(int from, int to);
    }

    private final int threads;
    private final ForkJoinPool pool;

    Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    int threads() {
        return threads;
    }

    /** body.run over [0, rows), split across the threads when {@code work} is large enough. */
    void forRows(int rows, long work, Rows body) {
        if (pool == null || work < MIN_WORK || rows < 2) {
            body.run(0, rows);
            return;
        }
        int blocks = Math.min(threads, rows);
        pool.invoke(new RecursiveAction() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void compute() {
                RecursiveAction[] tasks = new RecursiveAction[blocks - 1];
                for (int b = 1; b < blocks; b++) {
                    int from = (int) ((long) rows * b / blocks);
                    int to = (int) ((long) rows * (b + 1) / blocks);
                    tasks[b - 1] = new RecursiveAction() {
                        private static final long serialVersionUID = 1L;

                        @Override
                        protected void compute() {
                            body.run(from, to);
                        }
                    };
                    tasks[b - 1].fork();
                }
                body.run(0, rows / blocks);
                for (RecursiveAction task : tasks) {
                    task.join();
                }
            }
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}

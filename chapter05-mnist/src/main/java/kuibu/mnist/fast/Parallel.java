package kuibu.mnist.fast;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a loop over rows on a fixed number of threads. The rows are cut into contiguous blocks; since
 * every result element belongs to exactly one row, the numbers do not depend on the thread count.
 *
 * <p>A mini-batch's product takes tens of microseconds, and waking a sleeping thread takes about as
 * long. So the helper threads do not sleep between products: after a block they wait for the next
 * one by spinning (as OpenMP and OpenBLAS threads do), and only go to sleep after
 * {@link #SPIN_NANOS} without work. The calling thread works too: it hands blocks 1, 2, … to the
 * helpers, runs block 0 itself, and then takes back any block no helper has started, so a busy
 * machine makes a product no slower than on one thread.
 */
final class Parallel implements AutoCloseable {

    /**
     * Below this many multiply-adds (of the whole product, zeros included) a product runs on the
     * calling thread. Each core then writes its own part of the weights, which the other core reads in
     * the next forward pass: a transfer between their caches that a small batch does not pay for.
     * Measured on 2 cores: Nielsen's 784-30-10 with batch 10 (235,000) trained slower on two threads
     * than on one; 784-100-10 with batch 32 (2.5 million) 1.45 times faster.
     */
    static final long MIN_WORK = 500_000;

    /** How long an idle helper spins before it sleeps: longer than the gap between two products of a training step. */
    static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    interface Rows {
        void run(int from, int to);
    }

    private final int threads;
    private final long minWork;
    private final Helper[] helpers;

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
        this.helpers = new Helper[threads - 1];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = new Helper();
            helpers[h].start();
        }
    }

    int threads() {
        return threads;
    }

    /** body.run over [0, rows), split across the threads when {@code work} is large enough. */
    void forRows(int rows, long work, Rows body) {
        if (helpers.length == 0 || work < minWork || rows < 2) {
            body.run(0, rows);
            return;
        }
        int blocks = Math.min(threads, rows);
        Block[] handed = new Block[blocks - 1];
        for (int b = 1; b < blocks; b++) {
            handed[b - 1] = new Block(body, (int) ((long) rows * b / blocks), (int) ((long) rows * (b + 1) / blocks));
            helpers[b - 1].hand(handed[b - 1]);
        }
        body.run(0, rows / blocks);
        for (int t = handed.length - 1; t >= 0; t--) {
            handed[t].runOrAwait();
        }
    }

    /** A block of rows that whichever thread claims it first runs. */
    private static final class Block extends AtomicInteger {
        private static final long serialVersionUID = 1L;
        private static final int OPEN = 0;
        private static final int CLAIMED = 1;
        private static final int DONE = 2;
        final transient Rows body;
        final int from;
        final int to;
        private transient volatile Throwable failure;

        Block(Rows body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        /** On a helper: runs the block unless the caller took it back. */
        void runIfOpen() {
            if (compareAndSet(OPEN, CLAIMED)) {
                try {
                    body.run(from, to);
                } catch (Throwable e) {
                    failure = e;
                }
                set(DONE);
            }
        }

        /** On the caller: runs the block if no helper has started it, else waits for the helper to finish. */
        void runOrAwait() {
            if (compareAndSet(OPEN, CLAIMED)) {
                body.run(from, to);
                return;
            }
            while (get() != DONE) {
                Thread.onSpinWait();
            }
            Throwable e = failure;
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error r) {
                throw r;
            }
        }
    }

    /** A thread that runs the blocks handed to it, spinning between them and sleeping when long idle. */
    private static final class Helper extends Thread {
        private final AtomicReference<Block> next = new AtomicReference<>();
        private volatile boolean sleeping;
        private volatile boolean closed;

        Helper() {
            super("kuibu-parallel");
            setDaemon(true);
        }

        void hand(Block block) {
            next.set(block);
            if (sleeping) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (!closed) {
                Block block = next.get();
                if (block != null) {
                    next.compareAndSet(block, null);   // not a newer block handed meanwhile
                    block.runIfOpen();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    sleeping = true;
                    if (next.get() == null && !closed) {
                        LockSupport.park(this);
                    }
                    sleeping = false;
                    idleSince = System.nanoTime();
                }
            }
        }

        void close() {
            closed = true;
            LockSupport.unpark(this);
        }
    }

    @Override
    public void close() {
        for (Helper h : helpers) {
            h.close();
        }
    }
}

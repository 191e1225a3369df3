package kuibu.mnist.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The row splitter: every row exactly once, failures reach the caller, small work stays on one thread. */
class ParallelTest {

    @Test
    void runsEveryRowExactlyOnceForAnyThreadCount() {
        for (int threads = 1; threads <= 4; threads++) {
            try (Parallel parallel = new Parallel(threads, 0)) {
                for (int rows : new int[] {1, 2, 3, 7, 100}) {
                    for (int repeat = 0; repeat < 200; repeat++) {
                        AtomicIntegerArray runs = new AtomicIntegerArray(rows);
                        parallel.forRows(rows, 1, (from, to) -> {
                            for (int r = from; r < to; r++) {
                                runs.incrementAndGet(r);
                            }
                        });
                        for (int r = 0; r < rows; r++) {
                            assertEquals(1, runs.get(r), threads + " threads, " + rows + " rows: row " + r);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aFailureOnAHelperReachesTheCaller() {
        try (Parallel parallel = new Parallel(2, 0)) {
            IllegalStateException failure = new IllegalStateException("row 9");
            for (int repeat = 0; repeat < 50; repeat++) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> parallel.forRows(10, 1, (from, to) -> {
                    if (to == 10) {
                        throw failure;   // the last block, which a helper usually runs
                    }
                }));
                assertSame(failure, e);
            }
        }
    }

    @Test
    void smallWorkStaysOnTheCallingThread() {
        try (Parallel parallel = new Parallel(2)) {
            Thread caller = Thread.currentThread();
            AtomicInteger elsewhere = new AtomicInteger();
            parallel.forRows(32, Parallel.MIN_WORK - 1, (from, to) -> {
                if (Thread.currentThread() != caller) {
                    elsewhere.incrementAndGet();
                }
            });
            assertEquals(0, elsewhere.get());
        }
    }

    @Test
    void closingStopsTheHelpers() throws Exception {
        java.util.Set<Thread> before = helperThreads();
        Parallel parallel = new Parallel(3);
        java.util.Set<Thread> started = helperThreads();
        started.removeAll(before);
        assertEquals(2, started.size(), "three threads: the caller and two helpers");
        parallel.close();
        for (Thread helper : started) {
            helper.join(5_000);
            assertTrue(!helper.isAlive(), "helper thread still alive after close");
        }
    }

    private static java.util.Set<Thread> helperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("kuibu-parallel") && t.isAlive())
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }
}

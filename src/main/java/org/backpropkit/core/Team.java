package org.backpropkit.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one training call: the calling thread and {@code size − 1} workers, which share the rows
 * of each large product. The rows are cut into chunks of whole blocks of four (about four chunks per
 * thread), and each thread takes the next chunk not yet taken until none is left; the caller takes chunks
 * too, so a worker that the operating system does not run (a busy machine) costs at most the chunk it
 * holds. Who computes a chunk changes from run to run; the numbers do not: every entry is summed whole by
 * one thread in the reference's order, so the results are the same bits on any number of threads, in any
 * order. Products under {@link #MIN_WORK} multiply-adds (about 50 µs of work) stay on the calling thread:
 * waking a parked worker takes tens of microseconds, which a smaller product does not repay.
 *
 * <p>Opened for one call ({@code Trainer.train} does it in a try-with-resources block) and closed at its
 * end, normally or not: {@link #close} stops and joins every worker, so no thread outlives the call.
 * Between products a worker spins for a short while ({@link #SPIN_NANOS}), then parks until the next.
 * One team serves one calling thread; it allocates nothing per product.
 *
 * <p>Interrupts: the training loop polls its own thread's flag between steps. A worker never clears an
 * interrupt and forgets it: the notebook kernel's stop interrupts every thread a cell started, workers
 * included, so a worker that finds its flag set hands it on to the calling thread, and the loop stops at its
 * next step as it would on one thread.
 */
public final class Team implements AutoCloseable {

    /** Products below this many multiply-adds run on the calling thread alone. */
    static final long MIN_WORK = 1 << 20;
    /**
     * How long a worker waits for the next product, spinning, before it parks: long enough to bridge the
     * element-wise work between two large products of a step, short enough that on a busy machine a
     * spinning worker takes little from the thread it is meant to help.
     */
    static final long SPIN_NANOS = 50_000;

    private final Worker[] workers;
    /** The thread that opened the team and runs the training loop: where an interrupt must end up. */
    private final Thread caller = Thread.currentThread();
    // The product being shared; written by the calling thread before it publishes a new round.
    private Products.Kernel kernel;
    private double[] a;
    private double[] b;
    private double[] out;
    private int ai;
    private int ak;
    private int bk;
    private int bj;
    private int rows;
    private int inner;
    private int m;
    private int chunkRows;
    private int chunks;
    /** The round (high 32 bits) and its next chunk not yet taken (low 32 bits). */
    private final AtomicLong claim = new AtomicLong();
    /** Chunks of the current round computed so far. */
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int round;
    private volatile boolean closed;
    private volatile Throwable failure;

    Team(int size) {
        workers = new Worker[size - 1];
        for (int p = 1; p < size; p++) {
            workers[p - 1] = new Worker(p);
        }
        for (Worker w : workers) {
            w.thread.start();
        }
    }

    /**
     * A team of {@code threads} threads (the caller's included) for training {@code network} in steps of
     * {@code rows} samples, or null — the calling thread alone, no thread started — when {@code threads} is
     * 1 or the largest product of a step is under {@link #MIN_WORK} multiply-adds: the lessons' networks,
     * and the digits workload (its batches of 32 make products of 65,536; measured, a team that only shares
     * the loss over all 1,797 samples made its training 2–6 % slower, not faster).
     */
    public static Team of(int threads, Network network, int rows) {
        Require.positive("threads", threads);
        long largest = 0;
        for (int l = 1; l <= network.depth(); l++) {
            Layer layer = network.layer(l);
            largest = Math.max(largest, (long) rows * layer.inputs() * layer.units());
        }
        return threads == 1 || largest < MIN_WORK ? null : new Team(threads);
    }

    /** The number of threads, the caller's included. */
    public int size() {
        return workers.length + 1;
    }

    /** {@link Products.Kernel#product} over rows {@code 0 … rows − 1}, split between the team's threads if it is large. */
    static void run(Team team, Products.Kernel kernel, double[] a, int ai, int ak, double[] b, int bk, int bj,
            double[] out, int rows, int inner, int m) {
        if (team == null || (long) rows * inner * m < MIN_WORK || rows < 8) {
            kernel.product(a, ai, ak, b, bk, bj, out, 0, rows, inner, m);
        } else {
            team.split(kernel, a, ai, ak, b, bk, bj, out, rows, inner, m);
        }
    }

    private void split(Products.Kernel kernel, double[] a, int ai, int ak, double[] b, int bk, int bj, double[] out,
            int rows, int inner, int m) {
        if (closed) {
            throw new IllegalStateException("this team of threads was closed at the end of its training call");
        }
        this.kernel = kernel;
        this.a = a;
        this.ai = ai;
        this.ak = ak;
        this.b = b;
        this.bk = bk;
        this.bj = bj;
        this.out = out;
        this.rows = rows;
        this.inner = inner;
        this.m = m;
        chunkRows = Math.max(4, (rows / (4 * size()) + 3) & ~3);
        chunks = (rows + chunkRows - 1) / chunkRows;
        int now = round + 1;
        finished.set(0);
        claim.set((long) now << 32); // publishes the fields above to the workers that take a chunk
        round = now;
        for (Worker w : workers) {
            if (w.parked) {
                LockSupport.unpark(w.thread);
            }
        }
        work(now);
        for (int spins = 0; finished.get() < chunks; spins++) {
            if (spins < 1000) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // a worker holds a chunk but is not on a core: let it have this one
            }
        }
        if (failure != null) {
            throw new IllegalStateException("a thread of the team failed on a product", failure);
        }
    }

    /** Takes and computes chunks of round {@code r} until none is left. */
    private void work(int r) {
        while (true) {
            long c = claim.get();
            int chunk = (int) c;
            if ((int) (c >>> 32) != r || chunk >= chunks) {
                return;
            }
            if (claim.compareAndSet(c, c + 1)) { // the round is still r: its fields are the ones read below
                int from = chunk * chunkRows, to = Math.min(rows, from + chunkRows);
                try {
                    kernel.product(a, ai, ak, b, bk, bj, out, from, to, inner, m);
                } catch (RuntimeException | Error e) {
                    failure = e; // before the chunk counts as finished, so the caller sees it
                }
                finished.incrementAndGet();
            }
        }
    }

    /** Stops and joins every worker; the team cannot be used again. */
    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
        boolean interrupted = false;
        for (Worker w : workers) {
            while (w.thread.isAlive()) {
                try {
                    w.thread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // keep joining: no worker may outlive the call; the flag is restored below
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Worker implements Runnable {
        final Thread thread;
        volatile boolean parked;

        Worker(int p) {
            thread = new Thread(this, "backprop-kit worker " + p);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                long since = System.nanoTime();
                while (round == seen && !closed) {
                    if (System.nanoTime() - since < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (round == seen && !closed) {
                            LockSupport.park(this);
                        }
                        parked = false;
                        handOnInterrupt();
                    }
                }
                if (closed) {
                    handOnInterrupt();
                    return;
                }
                seen = round;
                work(seen);
                handOnInterrupt();
            }
        }

        /** Clears this worker's interrupt flag (a set flag would make park return at once), giving it to the caller. */
        private void handOnInterrupt() {
            if (Thread.interrupted()) {
                caller.interrupt(); // the training loop sees it at its next step
            }
        }
    }
}

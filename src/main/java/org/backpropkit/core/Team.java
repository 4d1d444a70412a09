package org.backpropkit.core;

import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one training call: the calling thread and {@code size − 1} workers, which split the rows
 * of each large product between them. The split is fixed (thread {@code p} of {@code P} takes rows
 * {@code ⌊p·n/P⌋} to {@code ⌊(p+1)·n/P⌋}, rounded to whole blocks of four) and every entry is still summed
 * by one thread in the reference's order, so the numbers are the same, bit for bit, on any number of
 * threads. Products under {@link #MIN_WORK} multiply-adds stay on the calling thread: handing work over
 * costs about a microsecond, which a small product does not repay.
 *
 * <p>Opened for one call ({@code Trainer.train} does it in a try-with-resources block) and closed at its
 * end, normally or not: {@link #close} stops and joins every worker, so no thread outlives the call.
 * Between products a worker spins for a short while ({@link #SPIN_NANOS}), then parks until the next.
 * One team serves one calling thread; it allocates nothing per product.
 */
public final class Team implements AutoCloseable {

    /** Products below this many multiply-adds run on the calling thread alone. */
    static final long MIN_WORK = 1 << 16;
    /** How long a worker waits for the next product, spinning, before it parks. */
    static final long SPIN_NANOS = 200_000;

    private final Worker[] workers;
    // The product being split; written by the calling thread before it publishes a new round.
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
    private volatile int round;
    private volatile boolean closed;

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
     * A team of {@code threads} threads (the caller's included) for training {@code network} on
     * {@code rows} samples, or null — the calling thread alone, no thread started — when {@code threads}
     * is 1 or even the largest product of a pass over all the rows is under {@link #MIN_WORK}
     * multiply-adds (the lessons' small networks).
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
        int now = round + 1;
        round = now; // publishes the fields above to the workers
        for (Worker w : workers) {
            if (w.parked) {
                LockSupport.unpark(w.thread);
            }
        }
        part(0);
        for (Worker w : workers) {
            for (int spins = 0; w.done != now; spins++) {
                if (spins < 1000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield(); // the worker is not on a core: let it have this one
                }
            }
            if (w.failure != null) {
                throw new IllegalStateException("a worker thread failed on a product", w.failure);
            }
        }
    }

    /** This thread's rows of the current product: the fixed partition, in blocks of four rows. */
    private void part(int p) {
        int size = size();
        int from = start(p, size), to = start(p + 1, size);
        if (from < to) {
            kernel.product(a, ai, ak, b, bk, bj, out, from, to, inner, m);
        }
    }

    private int start(int p, int size) {
        return p == size ? rows : (int) ((long) rows * p / size) & ~3;
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
        final int p;
        volatile int done;
        volatile boolean parked;
        volatile Throwable failure;

        Worker(int p) {
            this.p = p;
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
                    }
                }
                if (closed) {
                    return;
                }
                seen = round;
                try {
                    part(p);
                } catch (Throwable e) {
                    failure = e;
                }
                done = seen;
            }
        }
    }
}

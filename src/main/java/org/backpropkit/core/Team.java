package org.backpropkit.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one training call: the calling thread and {@code size − 1} workers, which share work
 * that comes in rows — the samples of a batch in the forward pass and the errors δ (each sample on its
 * own), then the rows of each layer's weights for the gradients and the update (each row its own sums).
 * The rows are cut into chunks of whole blocks of four, about four chunks per thread.
 *
 * <p><b>Who takes which chunk.</b> Thread {@code p} owns a run of neighbouring chunks, the same run in
 * every round of the same size, and takes its own first, in order; a thread that has finished its own
 * takes what is left of the others', from the end of their runs. Ownership is what makes a second core pay: the thread that computed
 * rows of {@code ∂L/∂w} also updates those rows of {@code w}, and the thread that gathered a block of
 * samples also runs it forward, so the data stays in that core's cache. (Handed from core to core, every
 * cache line costs a transfer: measured on this kit's machine, a step of the 784-128-10 network with the
 * rows taken by whoever came first was no faster on two threads than on one.) Taking the rest of the
 * others' chunks keeps a worker that the operating system does not run (a busy machine) from holding up
 * the call: it costs at most the chunk it holds.
 *
 * <p>Who computes a row changes nothing in the numbers: each row is computed whole by one thread in the
 * reference's order, so the results are the same bits on any number of threads. Work under
 * {@link #MIN_WORK} multiply-adds (about 50 µs) stays on the calling thread: waking a parked worker takes
 * tens of microseconds, which less work does not repay.
 *
 * <p>Opened for one call ({@code Trainer.train} does it in a try-with-resources block) and closed at its
 * end, normally or not: {@link #close} stops and joins every worker, so no thread outlives the call.
 * Between rounds a worker spins for a short while ({@link #SPIN_NANOS}), then parks until the next.
 * One team serves one calling thread; it allocates nothing per round.
 *
 * <p>Interrupts: the training loop polls its own thread's flag between steps. A worker never clears an
 * interrupt and forgets it: the notebook kernel's stop interrupts every thread a cell started, workers
 * included, so a worker that finds its flag set hands it on to the calling thread, and the loop stops at its
 * next step as it would on one thread.
 */
public final class Team implements AutoCloseable {

    /** Work on the rows {@code from … to − 1} of what is being shared; each row is given to one call. */
    @FunctionalInterface
    public interface Part {
        void run(int from, int to);
    }

    /** Work below this many multiply-adds runs on the calling thread alone. */
    static final long MIN_WORK = 1 << 20;
    /**
     * How long a worker waits for the next round, spinning, before it parks: long enough to bridge the
     * short serial work between two rounds of a step, short enough that on a busy machine a spinning
     * worker takes little from the thread it is meant to help.
     */
    static final long SPIN_NANOS = 50_000;
    /** Each thread's claim sits in its own cache line of {@link #claims}, eight longs apart. */
    private static final int PAD = 8;

    private final Worker[] workers;
    /** The thread that opened the team and runs the training loop: where an interrupt must end up. */
    private final Thread caller = Thread.currentThread();
    // The round being shared; written by the calling thread before it publishes the round.
    private Part part;
    private int rows;
    private int chunkRows;
    /**
     * Per thread {@code p} (at {@code p · PAD}): the round (high 32 bits), then the chunks of its run not yet
     * taken, {@code next … end − 1} (16 bits each): the owner takes {@code next}, another thread {@code end − 1}.
     * A claim is a compare-and-set on the whole, so a thread still busy with an earlier round can never take
     * a chunk of this one.
     */
    private final AtomicLongArray claims;
    /** Chunks of the current round computed so far. */
    private final AtomicInteger finished = new AtomicInteger();
    private int chunks;
    private volatile int round;
    private volatile boolean closed;
    private volatile Throwable failure;

    Team(int size) {
        claims = new AtomicLongArray(size * PAD);
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
     * 1 or no layer's product in a step reaches {@link #MIN_WORK} multiply-adds: the lessons' networks, and
     * the digits workload (its batches of 32 make products of 65,536; measured, a team that only shares the
     * loss over all 1,797 samples made its training 2–6 % slower, not faster).
     */
    public static Team of(int threads, Network network, int rows) {
        Require.positive("threads", threads);
        long largest = 0;
        for (int l = 1; l <= network.depth(); l++) {
            largest = Math.max(largest, work(network.layer(l), rows));
        }
        return threads == 1 || largest < MIN_WORK ? null : new Team(threads);
    }

    /** The number of threads, the caller's included. */
    public int size() {
        return workers.length + 1;
    }

    /**
     * Runs {@code part} over the rows {@code 0 … rows − 1}: split between the team's threads when there are
     * at least eight rows and {@code work} multiply-adds of at least {@link #MIN_WORK}; else at once, on the
     * calling thread, as {@code part.run(0, rows)}. (Without a team, the kit calls its work directly rather
     * than through a {@link Part}: the call through it would cost the lessons' 2-3-2 network a tenth of its
     * speed.)
     */
    public void share(int rows, long work, Part part) {
        if (work < MIN_WORK || rows < 8) {
            part.run(0, rows);
        } else {
            split(rows, part);
        }
    }

    /**
     * Runs {@code part} over the rows of layer {@code layer}'s parameters, as its gradient is shared in a
     * batch of {@code batch} samples: rows {@code 0 … inputs − 1} are the rows of {@code w}, row
     * {@code inputs} is {@code b} (a bias is the weight of an input that is always 1). Whatever is done to
     * the same rows in the same way — the gradient, then the update — lands on the same threads.
     */
    public void shareRowsOf(Layer layer, int batch, Part part) {
        share(layer.inputs() + 1, work(layer, batch), part);
    }

    /** The multiply-adds of {@code layer}'s product for {@code rows} samples: {@code rows · inputs · units}. */
    static long work(Layer layer, int rows) {
        return (long) rows * layer.inputs() * layer.units();
    }

    /** The first chunk of thread {@code p}'s run, of {@code chunks} chunks on {@code size} threads. */
    static int firstChunk(int p, int chunks, int size) {
        return (int) ((long) p * chunks / size);
    }

    /** The rows of a chunk: whole blocks of four, about four chunks per thread. */
    static int chunkRows(int rows, int size) {
        return Math.max(4, (rows / (4 * size) + 3) & ~3);
    }

    private void split(int rows, Part part) {
        if (closed) {
            throw new IllegalStateException("this team of threads was closed at the end of its training call");
        }
        int size = size();
        this.part = part;
        this.rows = rows;
        chunkRows = chunkRows(rows, size);
        chunks = (rows + chunkRows - 1) / chunkRows;
        int now = round + 1;
        finished.set(0);
        for (int p = 0; p < size; p++) { // publishes the fields above to the threads that take a chunk
            claims.set(p * PAD, (long) now << 32 | (long) firstChunk(p, chunks, size) << 16 | firstChunk(p + 1, chunks, size));
        }
        round = now;
        for (Worker w : workers) {
            if (w.parked) {
                LockSupport.unpark(w.thread);
            }
        }
        work(now, 0);
        for (int spins = 0; finished.get() < chunks; spins++) {
            if (spins < 1000) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // a worker holds a chunk but is not on a core: let it have this one
            }
        }
        if (failure != null) {
            throw new IllegalStateException("a thread of the team failed on its share of the work", failure);
        }
    }

    /**
     * Thread {@code me} takes and computes chunks of round {@code r}: its own run from the front, then, from
     * the back, what is left of the others' (so an owner's chunks stay neighbours, in order).
     */
    private void work(int r, int me) {
        int size = size();
        for (int n = 0; n < size; n++) {
            int owner = (me + n) % size;
            while (true) {
                long c = claims.get(owner * PAD);
                int next = (int) (c >>> 16) & 0xFFFF, end = (int) c & 0xFFFF;
                if ((int) (c >>> 32) != r) {
                    return; // the round is over
                }
                if (next >= end) {
                    break; // this run is taken: on to the next thread's
                }
                boolean own = owner == me;
                if (claims.compareAndSet(owner * PAD, c, own ? c + (1 << 16) : c - 1)) { // still round r: its fields are the ones below
                    int from = (own ? next : end - 1) * chunkRows, to = Math.min(rows, from + chunkRows);
                    try {
                        part.run(from, to);
                    } catch (RuntimeException | Error e) {
                        failure = e; // before the chunk counts as finished, so the caller sees it
                    }
                    finished.incrementAndGet();
                }
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
        final int p;
        final Thread thread;
        volatile boolean parked;

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
                        handOnInterrupt();
                    }
                }
                if (closed) {
                    handOnInterrupt();
                    return;
                }
                seen = round;
                work(seen, p);
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

package org.backpropkit.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;

/**
 * Bytes allocated per training step once training runs, on every thread of the call, separated from what
 * a {@code train()} call allocates once (workspaces for its batch sizes and the whole data set, the history,
 * the worker threads). Measured with the JVM's per-thread allocation counters after warm-up: for the
 * calling thread and for each worker, the bytes allocated between the end of epoch 1 and the end of epoch
 * 3 (read from the epoch listener, while the workers live), divided by the steps of those 2 epochs; and the
 * calling thread's bytes for a whole 1-epoch call. Trains on every core, like the kit's default. Prints one
 * line per workload: id, bytes per step on the calling thread, bytes per step on the workers (all of
 * them; 0 when the workload starts none), bytes per 1-epoch call, number of workers.
 */
public final class AllocationPerStep {

    private AllocationPerStep() {
    }

    public static void main(String[] args) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        int cores = Runtime.getRuntime().availableProcessors();
        for (Workload w : Workload.values()) {
            Matrix[] data = w.data();
            Network start = w.network();
            long until = System.nanoTime() + 3_000_000_000L; // warm-up: until every path the JIT will see is compiled
            while (System.nanoTime() < until) {
                w.trainer(3).threads(cores).train(start.copy(), data[0], data[1]);
            }
            long before = threads.getThreadAllocatedBytes(self);
            w.trainer(1).threads(cores).train(start.copy(), data[0], data[1]);
            long perCall = threads.getThreadAllocatedBytes(self) - before;

            List<Long> workers = new ArrayList<>();
            long[] workerBytes = new long[1];
            long[] callerBytes = new long[1];
            w.trainer(3).threads(cores).onEpoch((epoch, loss) -> {
                if (epoch == 1) {
                    for (Thread t : Thread.getAllStackTraces().keySet()) {
                        if (t.getName().startsWith("backprop-kit worker")) {
                            workers.add(t.getId());
                        }
                    }
                    for (long id : workers) {
                        workerBytes[0] -= threads.getThreadAllocatedBytes(id);
                    }
                    callerBytes[0] -= threads.getThreadAllocatedBytes(self);
                } else if (epoch == 3) {
                    callerBytes[0] += threads.getThreadAllocatedBytes(self);
                    for (long id : workers) {
                        workerBytes[0] += threads.getThreadAllocatedBytes(id);
                    }
                }
            }).train(start.copy(), data[0], data[1]);
            long steps = 2L * ((data[0].rows() + w.batch - 1) / w.batch);
            System.out.println(String.format(Locale.ROOT, "%s %.1f %.1f %d %d", w.id(), (double) callerBytes[0] / steps,
                    (double) workerBytes[0] / steps, perCall, workers.size()));
        }
    }
}

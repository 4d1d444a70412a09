package org.backpropkit.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;

/**
 * Bytes allocated per training step once training runs, separated from what a {@code train()} call
 * allocates once (workspaces for its batch sizes and the whole data set, the history): the allocation of
 * a 3-epoch call minus that of a 1-epoch call, divided by the steps of the 2 extra epochs. Measured with
 * the JVM's per-thread allocation counter after warm-up. Prints one line per workload.
 */
public final class AllocationPerStep {

    private AllocationPerStep() {
    }

    public static void main(String[] args) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        for (Workload w : Workload.values()) {
            Matrix[] data = w.data();
            Network start = w.network();
            for (int warm = 0; warm < 5; warm++) {
                w.trainer(3).train(start.copy(), data[0], data[1]);
            }
            long[] bytes = new long[2];
            int[] epochs = {1, 3};
            for (int k = 0; k < 2; k++) {
                Network net = start.copy();
                long before = threads.getThreadAllocatedBytes(self);
                w.trainer(epochs[k]).train(net, data[0], data[1]);
                bytes[k] = threads.getThreadAllocatedBytes(self) - before;
            }
            long stepsPerEpoch = (data[0].rows() + w.batch - 1) / w.batch;
            System.out.println(String.format(Locale.ROOT, "%s %.1f %d", w.id(),
                    (double) (bytes[1] - bytes[0]) / (2 * stepsPerEpoch), bytes[0]));
        }
    }
}

package org.backpropkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;

/**
 * Training on several threads: the same bits as on one, worker threads only while a large network trains,
 * none for the lessons' small ones, and none left after the call — whether it returns, diverges or is
 * interrupted. Workers are counted by name among the JVM's live threads, from inside the run (the epoch
 * listener) and after it.
 */
class TrainerThreadsTest {

    /** 512 seeded samples of 128 inputs and 10 one-hot classes. */
    private static Matrix[] data() {
        Random random = new Random(5);
        double[][] x = new double[512][128], t = new double[512][10];
        for (int i = 0; i < 512; i++) {
            for (int j = 0; j < 128; j++) {
                x[i][j] = random.nextDouble();
            }
            t[i][random.nextInt(10)] = 1;
        }
        return new Matrix[] {Matrix.of(x), Matrix.of(t)};
    }

    /** Large enough for a team: a batch of 200 through its first layer is 1.6 million multiply-adds. */
    private static Network largeNetwork() {
        return Network.of(128, 64, 10).loss(Loss.CROSS_ENTROPY).seed(9);
    }

    private static long workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("backprop-kit worker")).count();
    }

    @Test
    void aLargeNetworkTrainsOnEveryThreadAskedForWithTheSameBitsAndNoWorkerOutlivesTheCall() {
        Matrix[] data = data();
        double[] oneThreadLosses = null;
        double[] oneThreadWeights = null;
        for (int threads = 1; threads <= 3; threads++) {
            Network net = largeNetwork();
            List<Long> during = new ArrayList<>();
            History h = Trainer.sgd(0.1).epochs(3).batchSize(200).momentum(0.5).seed(4).threads(threads)
                    .onEpoch((epoch, loss) -> during.add(workers())).train(net, data[0], data[1]);
            assertEquals(List.of((long) threads - 1, (long) threads - 1, (long) threads - 1), during,
                    "worker threads alive during each epoch, with " + threads + " thread(s)");
            assertEquals(0, workers(), "workers left after the call with " + threads + " thread(s)");
            double[] weights = net.parameters().stream().mapToDouble(net::get).toArray();
            if (threads == 1) {
                oneThreadLosses = h.loss();
                oneThreadWeights = weights;
            } else {
                assertArrayEquals(oneThreadLosses, h.loss(), 0, "losses on " + threads + " threads");
                assertArrayEquals(oneThreadWeights, weights, 0, "weights on " + threads + " threads");
            }
        }
    }

    @Test
    void theLessonsSmallNetworksNeverStartAThread() {
        List<Long> during = new ArrayList<>();
        Matrix x = Matrix.zeros(1000, 2), t = Matrix.zeros(1000, 2);
        Trainer.sgd(0.5).epochs(2).batchSize(1).threads(8).onEpoch((epoch, loss) -> during.add(workers()))
                .train(Article.network(), x, t);
        assertEquals(List.of(0L, 0L), during);
    }

    @Test
    void noWorkerOutlivesADivergedCall() {
        Matrix[] data = data();
        Network net = Network.of(128, 64, 10).hidden(Activation.IDENTITY).output(Activation.IDENTITY).seed(9);
        for (int i = 0; i < 512; i++) {
            data[0].set(i, 0, 1e6);
        }
        assertThrows(TrainingDiverged.class, () -> Trainer.sgd(50).epochs(100).threads(2).train(net, data[0], data[1]));
        assertEquals(0, workers());
    }

    @Test
    void noWorkerOutlivesAnInterruptedCallAndTheFlagStaysForTheCaller() {
        Matrix[] data = data();
        Trainer trainer = Trainer.sgd(0.1).epochs(100).batchSize(200).threads(2).onEpoch((epoch, loss) -> {
            if (epoch == 2) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThrows(TrainingInterrupted.class, () -> trainer.train(largeNetwork(), data[0], data[1]));
            assertTrue(Thread.currentThread().isInterrupted(), "closing the team keeps the interrupt for the caller");
            assertEquals(0, workers());
        } finally {
            Thread.interrupted();
        }
    }

    /**
     * The notebook kernel's stop interrupts every thread a cell started, workers included. An interrupt that
     * reaches only a worker must not be lost: the worker hands it to the training loop, which stops. (Without
     * that, the 1,000 epochs would run to the end and no exception would come.)
     */
    @Test
    void anInterruptSentToAWorkerStopsTheTrainingLoop() {
        Matrix[] data = data();
        Trainer trainer = Trainer.sgd(0.1).epochs(1000).batchSize(200).threads(2).onEpoch((epoch, loss) -> {
            if (epoch == 2) {
                Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("backprop-kit worker"))
                        .forEach(Thread::interrupt);
            }
        });
        try {
            TrainingInterrupted e = assertThrows(TrainingInterrupted.class,
                    () -> trainer.train(largeNetwork(), data[0], data[1]));
            assertTrue(e.history().epochs() < 1000, "stopped after " + e.history().epochs() + " epochs");
            assertTrue(Thread.currentThread().isInterrupted(), "the caller holds the interrupt afterwards");
            assertEquals(0, workers());
        } finally {
            Thread.interrupted();
        }
    }

    /**
     * Another thread interrupts the training thread while its team works (as the kernel's Interrupt button
     * does): the call ends with {@link TrainingInterrupted}, long before its 1,000 epochs, and its workers end
     * with it.
     */
    @Test
    void anInterruptFromAnotherThreadStopsATeamAndItsWorkersEnd() throws InterruptedException {
        Matrix[] data = data();
        CountDownLatch firstEpoch = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread training = new Thread(() -> {
            try {
                Trainer.sgd(0.1).epochs(1000).batchSize(200).threads(2).onEpoch((epoch, loss) -> firstEpoch.countDown())
                        .train(largeNetwork(), data[0], data[1]);
                outcome.set(new AssertionError("training ran all its epochs"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "training");
        training.start();
        firstEpoch.await();
        training.interrupt();
        training.join(); // the test runner's time limit guards a hang; nothing here waits on a clock
        assertTrue(outcome.get() instanceof TrainingInterrupted, String.valueOf(outcome.get()));
        assertEquals(0, workers());
    }

    @Test
    void aThreadCountBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.sgd(0.1).threads(0));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }
}

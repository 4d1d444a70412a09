package org.backpropkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainerTest {

    private static final Matrix XOR_X = Matrix.of(new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 0},
            new double[] {1, 1});
    private static final Matrix XOR_T = Matrix.of(new double[] {0}, new double[] {1}, new double[] {1},
            new double[] {0});

    @Test
    void oneStepIsUMinusEtaTimesTheGradient() {
        Network net = Article.network();
        double u11 = net.get("u11");
        double w21 = net.get("w21");
        Trainer.sgd(0.5).epochs(1).train(net, Matrix.row(Article.x()), Matrix.row(Article.t()));
        assertEquals(u11 - 0.5 * -0.02836038288388269, net.get("u11"), 1e-15);
        assertEquals(w21 - 0.5 * -0.018252705211592012, net.get("w21"), 1e-15);
    }

    @Test
    void xorIsLearned() {
        Network net = Network.of(2, 4, 1).hidden(Activation.TANH).seed(3);
        History history = Trainer.sgd(0.5).epochs(2000).track("w11", "u11").train(net, XOR_X, XOR_T);
        assertEquals(2001, history.loss().length);
        assertTrue(history.finalLoss() < 0.01 * history.loss(0), history.loss(0) + " → " + history.finalLoss());
        for (int s = 0; s < 4; s++) {
            double y = net.forward(XOR_X.row(s)).y().get(0, 0);
            assertEquals(XOR_T.get(s, 0), y, 0.2, "sample " + s);
        }
        assertEquals(net.get("u11"), history.trajectory("u11")[2000], 0);
    }

    @Test
    void sameSeedGivesBitIdenticalRuns() {
        double[][] first = run();
        double[][] second = run();
        assertArrayEquals(first[0], second[0], 0);
        assertArrayEquals(first[1], second[1], 0);
    }

    private static double[][] run() {
        Network net = Network.of(2, 5, 1).seed(11);
        History h = Trainer.sgd(0.3).momentum(0.9).batchSize(3).seed(12).epochs(50).train(net, XOR_X, XOR_T);
        double[] weights = net.parameters().stream().mapToDouble(net::get).toArray();
        return new double[][] {h.loss(), weights};
    }

    @Test
    void listenerSeesEveryEpochInOrder() {
        List<Integer> epochs = new ArrayList<>();
        History h = Trainer.sgd(0.1).epochs(5).onEpoch((epoch, loss) -> epochs.add(epoch))
                .train(Network.of(2, 2, 1).seed(1), XOR_X, XOR_T);
        assertEquals(List.of(1, 2, 3, 4, 5), epochs);
        assertEquals(5, h.epochs());
    }

    @Test
    void divergenceIsReportedAndTheLastGoodWeightsKept() {
        Network net = Network.of(2, 3, 1).hidden(Activation.IDENTITY).output(Activation.IDENTITY).seed(1);
        Matrix x = Matrix.of(new double[] {10, -20}, new double[] {30, 5});
        Matrix t = Matrix.of(new double[] {1}, new double[] {-1});
        TrainingDiverged e = assertThrows(TrainingDiverged.class,
                () -> Trainer.sgd(5).epochs(1000).train(net, x, t));
        assertTrue(e.getMessage().contains("η = 5"), e.getMessage());
        assertTrue(e.getMessage().contains("epoch " + e.epoch()), e.getMessage());
        assertTrue(e.getMessage().contains("η = 0.5"), "suggests η/10: " + e.getMessage());
        for (Parameter p : net.parameters()) {
            assertTrue(Double.isFinite(net.get(p)), p.name() + " = " + net.get(p));
        }
        assertEquals(e.epoch(), e.history().epochs() + 1);
    }

    /**
     * A loss that is infinite before the first step is the starting point's fault, not η's: binary
     * cross-entropy of a sigmoid saturated to exactly 1 against target 0. Refused at the door, saying why.
     */
    @Test
    void aLossThatIsNotFiniteBeforeTrainingIsNotBlamedOnTheLearningRate() {
        Network net = Network.of(1, 1).loss(Loss.BINARY_CROSS_ENTROPY).seed(1);
        net.set("w11", 100); // a = 100: σ(a) rounds to exactly 1, and ln(1 − 1) = −∞
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.sgd(0.1).epochs(5).train(net, new double[] {1}, new double[] {0}));
        assertTrue(e.getMessage().startsWith("The loss before training is Infinity: binary cross-entropy is infinite where"
                + " an output y is exactly 0 or 1 and its target is the other (ln 0)"), e.getMessage());
        assertTrue(e.getMessage().contains("the learning rate is not the cause"), e.getMessage());
        assertEquals(100, net.get("w11"), 0); // no step was taken
    }

    /**
     * epochs(Integer.MAX_VALUE) threw NegativeArraySizeException and epochs(1_000_000_000) ran out of memory
     * at once: the history reserved every epoch up front (8 GB). Now it grows as the run goes; each run here
     * is stopped by an interrupt from its own listener and holds exactly what it did.
     */
    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE, 1_000_000_000})
    void aRunOfAnyLengthStartsAndKeepsWhatItDid(int epochs) {
        Network net = Article.network();
        Trainer trainer = Trainer.sgd(0.5).epochs(epochs).track("w11").onEpoch((epoch, loss) -> {
            if (epoch == 3000) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            TrainingInterrupted e = assertThrows(TrainingInterrupted.class,
                    () -> trainer.train(net, Article.x(), Article.t()));
            assertTrue(e.getMessage().startsWith("Training interrupted in epoch 3001 of " + epochs), e.getMessage());
        } finally {
            Thread.interrupted();
        }
        History run = trainer.history();
        assertEquals(3000, run.epochs());
        assertEquals(3001, run.loss().length);
        assertEquals(net.get("w11"), run.trajectory("w11")[3000], 0);
        assertTrue(run.loss(3000) < run.loss(0));
    }

    /** The record doubles its room as it fills, keeping every value, and says so when it can hold no more. */
    @Test
    void theHistoryGrowsAndSaysWhenItIsFull() {
        Network net = Article.network();
        History grown = new History(0.1, 5000, net.notation(), List.of(net.parameter("u21")));
        for (int e = 0; e <= 5000; e++) {
            net.set("u21", e);
            grown.record(e, 1.0 / (e + 1), net);
        }
        for (int e = 0; e <= 5000; e++) {
            assertEquals(1.0 / (e + 1), grown.loss(e), 0);
            assertEquals(e, grown.trajectory("u21")[e], 0);
        }
        History small = new History(0.1, 100, net.notation(), List.of(), 10);
        for (int e = 0; e <= 10; e++) {
            small.record(e, 1, net);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> small.record(11, 1, net));
        assertEquals("Training stopped after epoch 11 because its history cannot grow: a record holds at most 10 epochs."
                + " The network keeps its weights after epoch 11, and the trainer's history() holds epochs 0 to 10."
                + " Train in shorter runs (train again to continue from these weights) or track fewer parameters.",
                e.getMessage());
        assertEquals(10, small.epochs());
    }

    @Test
    void trajectoriesAnswerToEverySpellingOfTheName() {
        Network net = Article.network();
        History h = Trainer.sgd(0.5).epochs(3).track("w₁₁", "b(1)3").train(net, Article.x(), Article.t());
        double[] path = h.trajectory("w11");
        assertArrayEquals(path, h.trajectory("w₁₁"), 0);
        assertArrayEquals(path, h.trajectory(net.parameter("w11")), 0);
        assertArrayEquals(h.trajectory("b(1)3"), h.trajectory("b⁽¹⁾₃"), 0);
        assertEquals(List.of(net.parameter("w11"), net.parameter("b(1)3")), h.tracked());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.trajectory("u21"));
        assertEquals("this run did not track u21 (u₂₁); tracked: w11, b(1)3. Train with Trainer….track(\"u21\")"
                + " to record its values", e.getMessage());
    }

    @Test
    void onlyTheNamedParametersMoveTheRestStayExactlyPut() {
        Network net = Article.network();
        Network before = Article.network();
        double du11 = net.gradients(Article.x(), Article.t()).of("u11");
        Trainer.sgd(0.5).epochs(1).only("u11").train(net, Article.x(), Article.t());
        assertEquals(0.7 - 0.5 * du11, net.get("u11"), 0);
        for (Parameter p : net.parameters()) {
            if (!p.name().equals("u11")) {
                assertEquals(before.get(p), net.get(p), 0, p.name());
            }
        }
    }

    @Test
    void aTrainerRemembersItsLatestRun() {
        Trainer trainer = Trainer.sgd(0.5).epochs(4);
        IllegalStateException e = assertThrows(IllegalStateException.class, trainer::history);
        assertEquals("this trainer has not trained yet: call train(net, x, t) first", e.getMessage());
        History run = trainer.train(Network.of(2, 2, 1).seed(1), XOR_X, XOR_T);
        assertEquals(run, trainer.history());
    }

    /** Interrupts the training thread itself at the end of epoch 5: the next step sees the flag. */
    @Test
    void anInterruptStopsTrainingAfterTheLastCompletedStepWithItsHistory() {
        Matrix x = XOR_X, t = XOR_T;
        Trainer trainer = Trainer.sgd(0.3).momentum(0.9).batchSize(3).seed(12).epochs(1000).track("u11")
                .onEpoch((epoch, loss) -> {
                    if (epoch == 5) {
                        Thread.currentThread().interrupt();
                    }
                });
        Network net = Network.of(2, 5, 1).seed(11);
        try {
            TrainingInterrupted e = assertThrows(TrainingInterrupted.class, () -> trainer.train(net, x, t));
            assertEquals("Training interrupted in epoch 6 of 1000, before its first step. The network keeps its weights"
                    + " after the last completed step (the end of epoch 5); history() holds epochs 0 to 5 (so does the"
                    + " trainer's history()).", e.getMessage());
            assertEquals(5, e.history().epochs());
            assertTrue(Thread.currentThread().isInterrupted(), "the kit leaves the flag for the caller");
        } finally {
            Thread.interrupted();
        }
        Network five = Network.of(2, 5, 1).seed(11);
        History expected = Trainer.sgd(0.3).momentum(0.9).batchSize(3).seed(12).epochs(5).track("u11").train(five, x, t);
        assertArrayEquals(expected.loss(), trainer.history().loss(), 0);
        assertArrayEquals(expected.trajectory("u11"), trainer.history().trajectory("u11"), 0);
        for (Parameter p : net.parameters()) {
            assertEquals(five.get(p), net.get(p), 0, p.name());
        }
    }

    /**
     * The kernel's case: the cell's thread is interrupted from another thread. The listener holds
     * epoch 3 open until the interrupt has arrived (a wait on the flag, not a sleep), so the run stops
     * in a known place.
     */
    @Test
    void anInterruptFromAnotherThreadStopsTraining() throws InterruptedException {
        CountDownLatch inEpoch3 = new CountDownLatch(1);
        Trainer trainer = Trainer.sgd(0.5).epochs(1_000_000).track("u11").onEpoch((epoch, loss) -> {
            if (epoch == 3) {
                inEpoch3.countDown();
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
            }
        });
        Network net = Network.of(2, 4, 1).hidden(Activation.TANH).seed(3);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                trainer.train(net, XOR_X, XOR_T);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        worker.start();
        inEpoch3.await();
        worker.interrupt();
        worker.join(60_000);
        assertTrue(!worker.isAlive(), "training did not stop");
        assertTrue(thrown.get() instanceof TrainingInterrupted, String.valueOf(thrown.get()));
        assertTrue(thrown.get().getMessage().startsWith("Training interrupted in epoch 4 of 1000000"),
                thrown.get().getMessage());
        History h = trainer.history();
        assertEquals(3, h.epochs());
        assertEquals(h.trajectory("u11")[3], net.get("u11"), 0); // full batch: the last step ended epoch 3
    }
}

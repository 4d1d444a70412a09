package org.backpropkit.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.data.DataSet;
import org.backpropkit.data.Examples;
import org.backpropkit.data.Split;
import org.backpropkit.train.History;
import org.backpropkit.train.Trainer;
import org.backpropkit.train.TrainingDiverged;
import org.backpropkit.train.TrainingInterrupted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live training: what the watch records, how many frames reach the display, and what an interrupt leaves. */
class WatchTest {

    private final Screen before = Screen.current();
    private final Examples xor = DataSet.load("xor").inputs("x1", "x2").targets("t");

    @AfterEach
    void restoreScreen() {
        Screen.use(before);
    }

    private static RecordingScreen screen(boolean live) {
        RecordingScreen screen = new RecordingScreen(live);
        Screen.use(screen);
        return screen;
    }

    @Test
    void everyKthEpochUpdatesTheOneDisplayAndTheEndIsShown() {
        RecordingScreen screen = screen(true);
        Watch watch = Watch.training(Network.of(2, 3, 1).seed(1), xor).every(100);
        watch.train(Trainer.sgd(5).epochs(500).seed(1));
        assertEquals(1, screen.count("show"));
        assertEquals(6, screen.count("update")); // epochs 100 … 500, then the final frame
        assertTrue(screen.events.stream().allMatch(e -> e.id().equals(screen.events.get(0).id())));
        assertEquals(7, watch.frames());
        assertTrue(screen.last().toString().contains("epoch 500: training loss "), screen.last().toString());
        double share = watch.drawingShare();
        assertTrue(share > 0 && share <= 1, "drawing share " + share);
    }

    @Test
    void throttledByTimeARunShowsOneDisplayAndEndsOnItsFinalState() {
        RecordingScreen screen = screen(true);
        Watch watch = Watch.training(Network.of(2, 3, 1).seed(1), xor);
        watch.train(Trainer.sgd(5).epochs(50).seed(1));
        assertEquals(1, screen.count("show"));
        assertTrue(screen.count("update") <= 50, "never more than one frame per epoch");
        assertTrue(screen.last().toString().contains("epoch 50: training loss "), screen.last().toString());
        assertTrue(screen.events.stream().allMatch(e -> e.id().equals(screen.events.get(0).id())));
    }

    @Test
    void whenNoOneWatchesOnlyTheFinalStateIsShown() {
        RecordingScreen screen = screen(false);
        Watch watch = Watch.training(Network.of(2, 3, 1).seed(1), xor).every(1);
        watch.train(Trainer.sgd(5).epochs(100).seed(1));
        assertEquals(List.of("show"), screen.events.stream().map(RecordingScreen.Event::kind).toList());
        assertEquals(1, watch.frames());
    }

    @Test
    void theRecordIsTheTrainersAndContinuesAcrossRuns() {
        screen(false);
        Network net = Network.of(2, 3, 1).seed(1);
        Watch watch = Watch.training(net, xor).weights("u11", "w21");
        History run = watch.train(Trainer.sgd(5).epochs(300).seed(1).track("u11", "w21"));
        assertArrayEquals(run.loss(), watch.loss());
        Dashboard frame = watch.dashboard();
        assertArrayEquals(run.trajectory("u11"), frame.panels().get("weights") instanceof org.knowm.xchart.XYChart c
                ? c.getSeriesMap().get("u₁₁").getYData() : null);
        watch.train(Trainer.sgd(5).epochs(200).seed(1));
        assertEquals(500, watch.epochs());
        assertEquals(net.loss(xor.x(), xor.t()), watch.loss()[500], 1e-15);
    }

    @Test
    void heldOutLossIsRecordedAtTheSameEpochs() {
        screen(false);
        Split split = DataSet.load("moons").inputs("x1", "x2").oneHot("t").split(0.8, 7).standardized();
        Network clf = Network.of(2, 8, 2).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY).seed(3);
        Watch watch = Watch.training(clf, split.train()).heldOut(split.test());
        watch.train(Trainer.sgd(0.1).epochs(20).batchSize(16).seed(3));
        Dashboard frame = watch.dashboard();
        var loss = (org.knowm.xchart.XYChart) frame.panels().get("loss");
        double[] heldOut = loss.getSeriesMap().get("held-out").getYData();
        assertEquals(21, heldOut.length);
        assertEquals(clf.loss(split.test().x(), split.test().t()), heldOut[20], 1e-15);
        assertEquals(List.of("loss", "weights", "network", "regions"), List.copyOf(frame.panels().keySet()));
    }

    @Test
    void withoutTwoNamedInputsThereAreNoRegionsAndAWideNetworkGetsBars() {
        screen(false);
        Watch small = Watch.training(Article.network(), Matrix.row(Article.x()), Matrix.row(Article.t()));
        small.train(Trainer.sgd(0.5).epochs(5));
        assertEquals(List.of("loss", "weights", "network"), List.copyOf(small.dashboard().panels().keySet()));
        Network wide = Network.of(20, 16, 3).seed(2);
        Matrix x = Matrix.zeros(4, 20), t = Matrix.zeros(4, 3);
        for (int i = 0; i < 4; i++) {
            x.set(i, i, 1);
            t.set(i, i % 3, 1);
        }
        Watch bars = Watch.training(wide, x, t);
        bars.train(Trainer.sgd(0.5).epochs(3));
        assertEquals("norms", bars.dashboard().panels().get("network"));
        assertTrue(bars.height() < small.height(), "one bar per layer needs less room than a picture");
        bars.save(Path.of("target/pictures/watch-wide.png"));
        small.save(Path.of("target/pictures/watch-article.png"));
    }

    @Test
    void anInterruptStopsAfterTheEpochAndKeepsTheWeightsReached() {
        RecordingScreen screen = new RecordingScreen(true) {
            @Override
            public void update(String id, Object content) {
                super.update(id, content);
                if (count("update") == 2) {
                    Thread.currentThread().interrupt(); // as the kernel's interrupt does on JDK 21+
                }
            }
        };
        Screen.use(screen);
        Network net = Network.of(2, 3, 1).seed(1);
        double start = net.loss(xor.x(), xor.t());
        Watch watch = Watch.training(net, xor).every(10);
        TrainingInterrupted e = assertThrows(TrainingInterrupted.class,
                () -> watch.train(Trainer.sgd(5).epochs(1000).seed(1)));
        assertTrue(Thread.interrupted(), "the interrupt is passed on");
        assertEquals(20, e.history().epochs(), e.getMessage()); // interrupted while epoch 20's frame was drawn
        assertEquals(20, watch.epochs());
        assertEquals(3, screen.count("update"), "two frames, then the state reached");
        double now = net.loss(xor.x(), xor.t());
        assertTrue(Double.isFinite(now) && now < start);
        assertEquals(now, watch.loss()[20], 1e-15);
    }

    @Test
    void aDivergingRunShowsWhereItStopped() {
        RecordingScreen screen = screen(true);
        Network linear = Network.of(2, 3, 2).output(Activation.IDENTITY).seed(3);
        Watch watch = Watch.training(linear, Matrix.row(Article.x()), Matrix.row(Article.t())).every(1000);
        assertThrows(TrainingDiverged.class, () -> watch.train(Trainer.sgd(4).epochs(1000)));
        assertEquals(2, screen.events.size(), "the first frame, and the last good epoch");
        assertFalse(screen.last().toString().contains("NaN"));
    }

    @Test
    void aLongRunIsDrawnFromEvenlySpacedEpochsAndItsLast() {
        assertArrayEquals(new int[] {0, 1, 2}, Watch.sample(3));
        int[] at = Watch.sample(20_001);
        assertEquals(801, at.length);
        assertEquals(0, at[0]);
        assertEquals(20_000, at[800]);
        for (int k = 1; k < at.length; k++) {
            assertTrue(at[k] > at[k - 1], "epochs increase");
            assertTrue(at[k] - at[k - 1] <= 25, "no gap wider than n / 800");
        }
    }

    @Test
    void choicesAreCheckedBeforeTraining() {
        Watch watch = Watch.training(Network.of(2, 3, 1).seed(1), xor);
        assertThrows(IllegalArgumentException.class, () -> watch.weights("v11"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> watch.every(0));
        assertEquals("draw every k epochs with k ≥ 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Watch.training(Network.of(2, 3, 1).seed(1), Matrix.zeros(4, 2), Matrix.zeros(3, 1)));
        assertEquals("x has 4 rows (samples) but t has 3", e.getMessage());
    }
}

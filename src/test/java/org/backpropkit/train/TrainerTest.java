package org.backpropkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.junit.jupiter.api.Test;

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
}

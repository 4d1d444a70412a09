package org.backpropkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A batch's loss and gradients are the mean over its samples of the per-sample values. */
class BatchConventionTest {

    @Test
    void batchGradientIsTheMeanOfSampleGradients() {
        Network net = Network.of(2, 3, 2).seed(7);
        double[][] xs = {{0.5, 0.8}, {-1.0, 0.25}, {0.0, 2.0}};
        double[][] ts = {{1, 0}, {0, 1}, {1, 1}};
        Gradients batch = net.gradients(Matrix.of(xs), Matrix.of(ts));
        double lossSum = 0;
        for (int s = 0; s < xs.length; s++) {
            lossSum += net.loss(xs[s], ts[s]);
        }
        assertEquals(lossSum / 3, batch.loss(), 1e-15);
        for (Parameter p : net.parameters()) {
            double sum = 0;
            for (int s = 0; s < xs.length; s++) {
                sum += net.gradients(xs[s], ts[s]).of(p);
            }
            assertEquals(sum / 3, batch.of(p), 1e-15, p.name());
        }
    }

    @Test
    void multiplyingMatchesHandWorkedProducts() {
        Matrix a = Matrix.of(new double[] {1, 2}, new double[] {3, 4});
        Matrix b = Matrix.of(new double[] {5, 6, 7}, new double[] {8, 9, 10});
        Matrix ab = Matrix.zeros(2, 3);
        Matrix.multiplyInto(a, b, ab);
        assertEquals(Matrix.of(new double[] {21, 24, 27}, new double[] {47, 54, 61}), ab);
        Matrix atb = Matrix.zeros(2, 3);
        Matrix.transposeMultiplyInto(a, b, atb);
        assertEquals(Matrix.of(new double[] {29, 33, 37}, new double[] {42, 48, 54}), atb);
        Matrix bbt = Matrix.zeros(2, 2);
        Matrix.multiplyTransposeInto(b, b, bbt);
        assertEquals(Matrix.of(new double[] {110, 164}, new double[] {164, 245}), bbt);
    }
}

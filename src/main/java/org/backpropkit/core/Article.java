package org.backpropkit.core;

/**
 * The article's example: a 2-3-2 network with sigmoid units and the L2 loss, with round numbers
 * the kit chose so that every value can be followed by hand.
 *
 * <pre>
 *   x = (0.5, 0.8)                t = (1, 0)
 *   w = | 0.1  −0.2   0.3 |       b⁽¹⁾ = (0.1, 0.2, −0.1)
 *       | 0.4   0.5  −0.6 |
 *   u = |  0.7  −0.8 |            b⁽²⁾ = (0.2, −0.3)
 *       |  0.9   0.1 |
 *       | −0.2   0.3 |
 * </pre>
 * No input equals 1, so a formula with a stray {@code x_i} factor cannot hide.
 */
public final class Article {

    private Article() {
    }

    /** A fresh copy of the article's network with the weights above. */
    public static Network network() {
        Network net = Network.of(2, 3, 2).seed(0);
        net.setWeights(1, new double[][] {{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}});
        net.setBiases(1, 0.1, 0.2, -0.1);
        net.setWeights(2, new double[][] {{0.7, -0.8}, {0.9, 0.1}, {-0.2, 0.3}});
        net.setBiases(2, 0.2, -0.3);
        return net;
    }

    /** The input {@code x = (0.5, 0.8)}. */
    public static double[] x() {
        return new double[] {0.5, 0.8};
    }

    /** The target {@code t = (1, 0)}. */
    public static double[] t() {
        return new double[] {1, 0};
    }
}

package org.backpropkit.exercise;

import java.util.EnumSet;
import java.util.Set;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;

/**
 * A backward pass of a sigmoid network with the L2 loss, written out plainly on arrays and able to make
 * the mistakes people make in one — so that a checker can compute what code with those mistakes gives
 * and recognise a learner's answer by its numbers. Without bugs it is the four rules of lesson 7, for a
 * batch of {@code n} samples (one per row) whose loss is the mean of theirs:
 * <pre>
 *   Δ⁽ᴰ⁾ = (Y − T) ⊙ Y ⊙ (1 − Y)                    Δ⁽ˡ⁾ = (Δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ H⁽ˡ⁾ ⊙ (1 − H⁽ˡ⁾)
 *   ∂L/∂W⁽ˡ⁾ = (1/n) H⁽ˡ⁻¹⁾ᵀ Δ⁽ˡ⁾                    ∂L/∂b⁽ˡ⁾ = (1/n) Σ_samples Δ⁽ˡ⁾
 * </pre>
 * The kit's {@code Backprop} is the reference the checkers compare with; this class is only the source of
 * the planted wrong answers (a test holds it, without bugs, to the kit).
 */
final class PlantedBackward {

    /** One mistake in a backward pass; each changes one line of the rules above. */
    enum Bug {
        /** {@code Δ⁽ᴰ⁾ = Y − T}: the outputs' σ′ left out. */
        OUTPUT_SLOPE,
        /** {@code Δ⁽ˡ⁾ = Δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ}: the hidden units' σ′ left out. */
        HIDDEN_SLOPE,
        /** σ′ written {@code A(1 − A)}, of the sums instead of the activations, in every layer. */
        SLOPE_OF_SUMS,
        /** The sum over the units above keeps only the path through the first of them. */
        FIRST_PATH_ONLY,
        /** The sum over the units above keeps only the path through the second of them. */
        SECOND_PATH_ONLY,
        /** The hidden layers' weight gradients carry their input twice (the article's stray {@code xᵢ}). */
        STRAY_INPUT,
        /** {@code T − Y}: every gradient with the opposite sign. */
        SIGN,
        /** The {@code 1/n} of the mean left out everywhere. */
        NO_MEAN,
        /** The {@code 1/n} taken twice everywhere. */
        MEAN_TWICE,
        /** Every layer's bias gradient summed over the samples, not averaged. */
        BIASES_NOT_AVERAGED,
        /** Only the output layer's bias gradient summed over the samples, not averaged. */
        OUTPUT_BIAS_NOT_AVERAGED,
        /** The output layer's weight gradient at {@code (i, j)} takes input {@code j} instead of {@code i} (needs j < inputs). */
        OUTPUT_INPUT_SWAPPED,
        /** The hidden layers' bias gradients with the opposite sign (written like the update {@code b −= …}). */
        HIDDEN_BIAS_SIGN
    }

    private PlantedBackward() {
    }

    /** Every gradient of the batch loss with these bugs, in {@link Network#parameters()} order. */
    static double[] gradients(Network net, Matrix x, Matrix t, Set<Bug> bugs) {
        double[][][][] g = byLayer(net, x, t, bugs);
        double[] all = new double[net.parameters().size()];
        int k = 0;
        for (Parameter p : net.parameters()) {
            all[k++] = p.isBias() ? g[1][p.layer()][0][p.col()] : g[0][p.layer()][p.row()][p.col()];
        }
        return all;
    }

    static double[] gradients(Network net, Matrix x, Matrix t, Bug... bugs) {
        return gradients(net, x, t, bugs.length == 0 ? EnumSet.noneOf(Bug.class) : EnumSet.of(bugs[0], bugs));
    }

    /** {@code {dW, db}}, each indexed by layer {@code 1 … D} (0 unused), then row and column. */
    static double[][][][] byLayer(Network net, Matrix x, Matrix t, Set<Bug> bugs) {
        int depth = net.depth(), n = x.rows();
        double[][][] a = new double[depth + 1][][], h = new double[depth + 1][][];
        h[0] = x.toArray();
        for (int l = 1; l <= depth; l++) {
            double[][] w = net.layer(l).w().toArray();
            double[] b = net.layer(l).b().row(0);
            a[l] = new double[n][w[0].length];
            h[l] = new double[n][w[0].length];
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < w[0].length; j++) {
                    double sum = b[j];
                    for (int i = 0; i < w.length; i++) {
                        sum += h[l - 1][s][i] * w[i][j];
                    }
                    a[l][s][j] = sum;
                    h[l][s][j] = 1 / (1 + Math.exp(-sum));
                }
            }
        }
        double[][] target = t.toArray();
        double mean = bugs.contains(Bug.NO_MEAN) ? 1 : bugs.contains(Bug.MEAN_TWICE) ? 1.0 / n / n : 1.0 / n;
        double[][] delta = new double[n][];
        for (int s = 0; s < n; s++) {
            delta[s] = new double[h[depth][s].length];
            for (int k = 0; k < delta[s].length; k++) {
                double y = h[depth][s][k];
                double dL_dy = bugs.contains(Bug.SIGN) ? target[s][k] - y : y - target[s][k];
                delta[s][k] = dL_dy * (bugs.contains(Bug.OUTPUT_SLOPE) ? 1 : slope(a[depth][s][k], y, bugs));
            }
        }
        double[][][] dw = new double[depth + 1][][], db = new double[depth + 1][][];
        for (int l = depth; l >= 1; l--) {
            double[][] w = net.layer(l).w().toArray();
            int inputs = w.length, units = w[0].length;
            dw[l] = new double[inputs][units];
            db[l] = new double[1][units];
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < units; j++) {
                    for (int i = 0; i < inputs; i++) {
                        double input = h[l - 1][s][l == depth && bugs.contains(Bug.OUTPUT_INPUT_SWAPPED) ? j : i];
                        if (l < depth && bugs.contains(Bug.STRAY_INPUT)) {
                            input *= h[l - 1][s][i];
                        }
                        dw[l][i][j] += mean * input * delta[s][j];
                    }
                    boolean summed = bugs.contains(Bug.BIASES_NOT_AVERAGED)
                            || (l == depth && bugs.contains(Bug.OUTPUT_BIAS_NOT_AVERAGED));
                    double sign = l < depth && bugs.contains(Bug.HIDDEN_BIAS_SIGN) ? -1 : 1;
                    db[l][0][j] += sign * (summed ? 1 : mean) * delta[s][j];
                }
            }
            if (l > 1) {
                delta = back(delta, w, a[l - 1], h[l - 1], bugs);
            }
        }
        return new double[][][][] {dw, db};
    }

    /** {@code Δ⁽ˡ⁾ = (Δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ σ′}, with the bugs that touch it. */
    private static double[][] back(double[][] above, double[][] w, double[][] a, double[][] h, Set<Bug> bugs) {
        double[][] delta = new double[above.length][w.length];
        for (int s = 0; s < above.length; s++) {
            for (int j = 0; j < w.length; j++) {
                double sum = 0;
                for (int k = 0; k < w[0].length; k++) {
                    boolean kept = !(bugs.contains(Bug.FIRST_PATH_ONLY) && k != 0) && !(bugs.contains(Bug.SECOND_PATH_ONLY) && k != 1);
                    sum += kept ? above[s][k] * w[j][k] : 0;
                }
                delta[s][j] = sum * (bugs.contains(Bug.HIDDEN_SLOPE) ? 1 : slope(a[s][j], h[s][j], bugs));
            }
        }
        return delta;
    }

    /** σ′ at a unit whose sum is {@code a} and value {@code h}: {@code h(1 − h)}, or the planted {@code a(1 − a)}. */
    private static double slope(double a, double h, Set<Bug> bugs) {
        return bugs.contains(Bug.SLOPE_OF_SUMS) ? a * (1 - a) : h * (1 - h);
    }
}

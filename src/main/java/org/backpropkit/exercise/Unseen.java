package org.backpropkit.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.backpropkit.core.Article;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;

/**
 * Networks, inputs and targets a learner has not seen, so that copying a printed number fails and a
 * wrong formula cannot hide:
 * <ul>
 *   <li>every weight is between 0.3 and 1.3 in size and every bias between 0.2 and 0.7, with a random
 *       sign — away from zero, where a forgotten term would vanish anyway;</li>
 *   <li>every parameter differs from the lesson's value at the same place by at least 0.05;</li>
 *   <li>inputs lie between 0.15 and 0.85, never 0 or 1 (where a stray {@code xᵢ} factor is invisible),
 *       at least 0.15 apart (so that swapping {@code x₁} and {@code x₂} shows), and away from the lesson's;</li>
 *   <li>each target is at least 0.15 away from its output, so that {@code y − t} is never nearly 0.</li>
 * </ul>
 * Values are rounded to three decimals so that a message can print them exactly. The same seed gives
 * the same trials.
 */
final class Unseen {

    private Unseen() {
    }

    /** {@code count} seeded 2-3-2 sigmoid networks with L2 loss, each with its own input and target. */
    static List<Trial> networks(long seed, int count) {
        Random random = new Random(seed);
        Network lesson = Article.network();
        double[] lessonX = Article.x();
        List<Trial> trials = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            Network net = Network.of(2, 3, 2).seed(seed);
            for (Parameter p : net.parameters()) {
                double v;
                do {
                    v = p.isBias() ? signed(random, 0.2, 0.7) : signed(random, 0.3, 1.3);
                } while (Math.abs(v - lesson.get(p)) < 0.05);
                net.set(p, v);
            }
            double[] x;
            do {
                x = new double[] {between(random, 0.15, 0.85), between(random, 0.15, 0.85)};
            } while (Math.abs(x[0] - x[1]) < 0.15 || Math.abs(x[0] - lessonX[0]) < 0.05 || Math.abs(x[1] - lessonX[1]) < 0.05);
            double[] y = net.forward(x).y().row(0);
            double[] t = new double[2];
            for (int j = 0; j < 2; j++) {
                do {
                    t[j] = between(random, 0.05, 0.95);
                } while (Math.abs(y[j] - t[j]) < 0.15);
            }
            trials.add(new Trial("network " + k, net, x, t));
        }
        return trials;
    }

    /**
     * A copy of {@code template} (any sizes) with every weight between 0.3 and 1.3 in size and every bias
     * between 0.2 and 0.7, random signs, drawn from {@code random}.
     */
    static Network awayFromZero(Network template, Random random) {
        Network net = template.copy();
        for (Parameter p : net.parameters()) {
            net.set(p, p.isBias() ? signed(random, 0.2, 0.7) : signed(random, 0.3, 1.3));
        }
        return net;
    }

    /** {@code n} inputs of {@code cols} values each between 0.15 and 0.85, one per row. */
    static Matrix inputs(Random random, int n, int cols) {
        return inputs(random, n, cols, 0.15, 0.85);
    }

    /** {@code n} inputs of {@code cols} values each uniform in {@code [from, to]} and rounded to three decimals. */
    static Matrix inputs(Random random, int n, int cols, double from, double to) {
        double[][] x = new double[n][cols];
        for (double[] row : x) {
            for (int i = 0; i < cols; i++) {
                row[i] = between(random, from, to);
            }
        }
        return Matrix.of(x);
    }

    /** Targets between 0.05 and 0.95, each at least 0.15 from its output in {@code y}, one row per sample. */
    static Matrix targetsAwayFrom(Random random, Matrix y) {
        double[][] t = new double[y.rows()][y.cols()];
        for (int s = 0; s < y.rows(); s++) {
            for (int k = 0; k < y.cols(); k++) {
                do {
                    t[s][k] = between(random, 0.05, 0.95);
                } while (Math.abs(y.get(s, k) - t[s][k]) < 0.15);
            }
        }
        return Matrix.of(t);
    }

    /** Uniform in {@code [from, to]}, rounded to three decimals. */
    static double between(Random random, double from, double to) {
        return Math.round((from + (to - from) * random.nextDouble()) * 1000) / 1000.0;
    }

    private static double signed(Random random, double from, double to) {
        return random.nextBoolean() ? between(random, from, to) : -between(random, from, to);
    }

    /** E.g. {@code (0.412, 0.733)}. */
    static String vector(double[] v) {
        StringBuilder s = new StringBuilder("(");
        for (int k = 0; k < v.length; k++) {
            s.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", v[k]).replaceFirst("0+$", "")
                    .replaceFirst("\\.$", ""));
        }
        return s.append(")").toString();
    }
}

package org.backpropkit.bench;

import java.util.Locale;
import java.util.Random;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Backprop;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Team;

/**
 * The kit's own matrix-multiply rate, on the shape NumPy's is measured on: the forward pass of 512 samples
 * through one 512 → 512 linear layer, i.e. one 512 × 512 by 512 × 512 product through the kit's products
 * (the vector ones when the JVM runs with the vector module, else the plain ones) plus 512² bias additions.
 * Prints GFLOP/s (2 · 512³ flops per pass), best of several runs after warm-up: on one thread, then on
 * every core (the rows split by a {@link Team}).
 */
public final class MatmulPeak {

    private MatmulPeak() {
    }

    public static void main(String[] args) {
        int n = 512;
        Network net = Network.of(n, n).output(Activation.IDENTITY).seed(1);
        Random random = new Random(1);
        Matrix x = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x.set(i, j, random.nextDouble());
            }
        }
        double one = best(new Backprop(net, n), x);
        double all;
        try (Team team = Team.of(Runtime.getRuntime().availableProcessors(), net, n)) {
            all = best(new Backprop(net, n, team), x);
        }
        System.out.println(String.format(Locale.ROOT, "%.2f %.2f", one, all));
    }

    private static double best(Backprop pass, Matrix x) {
        double best = 0;
        for (int run = 0; run < 40; run++) {
            long t0 = System.nanoTime();
            pass.forward(x);
            double seconds = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, 2.0 * 512 * 512 * 512 / seconds / 1e9);
        }
        return best;
    }
}

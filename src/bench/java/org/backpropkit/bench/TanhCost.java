package org.backpropkit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.train.Trainer;

/**
 * What {@code StrictMath.tanh} (the kit's tanh, for the same bits on every JDK) costs against
 * {@code Math.tanh} (an intrinsic since JDK 24): nanoseconds per call on 65,536 inputs, and the CPU time
 * of two tanh training runs with the kit as built. Medians of 12 repetitions after 3 of warm-up, thread
 * CPU time (the machine is shared). Run it once per JDK:
 * <pre>  java -cp "target/backprop-kit.jar:target/lib/*" org.backpropkit.bench.TanhCost</pre>
 * Measured here (JDK 17.0.21 / 25.0.3): a call 23 / 11 ns with {@code Math.tanh}, 23 / 18 ns with
 * {@code StrictMath.tanh}; 64-32-10 tanh, 20 epochs of batches of 32 on 1,000 samples 0.103 / 0.088 s with
 * {@code Math.tanh} and 0.102 / 0.100 s with {@code StrictMath.tanh}; 2-8-8-1 tanh, 200 epochs per sample
 * 0.053 / 0.037 s and 0.052 / 0.048 s. On JDK 17 both are the same function.
 */
public final class TanhCost {

    private TanhCost() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Random random = new Random(1);
        Matrix[] wide = data(random, 1000, 64, 10);
        Matrix[] small = data(random, 200, 2, 1);
        double[] in = new double[1 << 16];
        for (int i = 0; i < in.length; i++) {
            in[i] = 2 * random.nextGaussian();
        }
        List<Double> mathNs = new ArrayList<>(), strictNs = new ArrayList<>(), wideS = new ArrayList<>(),
                smallS = new ArrayList<>();
        double sink = 0;
        for (int rep = 0; rep < 15; rep++) {
            long c = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < 30; k++) {
                for (double a : in) {
                    sink += Math.tanh(a);
                }
            }
            mathNs.add((threads.getCurrentThreadCpuTime() - c) / (30.0 * in.length));
            c = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < 30; k++) {
                for (double a : in) {
                    sink += StrictMath.tanh(a);
                }
            }
            strictNs.add((threads.getCurrentThreadCpuTime() - c) / (30.0 * in.length));
            Network net = Network.of(64, 32, 10).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY).seed(1);
            c = threads.getCurrentThreadCpuTime();
            Trainer.sgd(0.1).epochs(20).batchSize(32).seed(1).train(net, wide[0], wide[1]);
            wideS.add((threads.getCurrentThreadCpuTime() - c) / 1e9);
            Network tiny = Network.of(2, 8, 8, 1).hidden(Activation.TANH).output(Activation.TANH).seed(1);
            c = threads.getCurrentThreadCpuTime();
            Trainer.sgd(0.05).epochs(200).batchSize(1).seed(1).train(tiny, small[0], small[1]);
            smallS.add((threads.getCurrentThreadCpuTime() - c) / 1e9);
        }
        System.out.println(String.format(Locale.ROOT, "JDK %s: Math.tanh %.1f ns, StrictMath.tanh %.1f ns per call; "
                + "64-32-10 tanh training %.3f s, 2-8-8-1 tanh training %.3f s%s", System.getProperty("java.version"),
                median(mathNs), median(strictNs), median(wideS), median(smallS), sink == 0 ? " " : ""));
    }

    private static Matrix[] data(Random random, int n, int inputs, int classes) {
        double[][] x = new double[n][inputs];
        double[][] t = new double[n][classes];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < inputs; j++) {
                x[i][j] = random.nextGaussian();
            }
            t[i][classes == 1 ? 0 : random.nextInt(classes)] = classes == 1 ? (x[i][0] * x[i][1] > 0 ? 1 : 0) : 1;
        }
        return new Matrix[] {Matrix.of(x), Matrix.of(t)};
    }

    private static double median(List<Double> values) {
        List<Double> kept = new ArrayList<>(values.subList(3, values.size()));
        Collections.sort(kept);
        return kept.get(kept.size() / 2);
    }
}

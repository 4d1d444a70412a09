package org.backpropkit;

import java.util.Locale;
import java.util.Map;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;

/**
 * Prints the kit's numbers bit for bit ({@code %a}, hexadecimal floating point) so that two JDKs can be
 * compared: {@code src/scripts/test-same-bits.sh} runs this on JDK 17 and on the newest JDK on the
 * machine and fails when a single bit differs. A JUnit test runs on one JDK only, so this is a program.
 *
 * <p>What it prints: every activation {@code f(a)} on a grid of 4,001 points in {@code [−10, 10]}
 * (HotSpot's {@code Math.tanh} differs between JDK 17 and 25 on a few percent of these), a tanh
 * network's loss-and-gradient on a batch, and every quantity of {@link SameNumbersTest} — training runs
 * with sigmoid, tanh, ReLU, softmax and cross-entropy, and gradient-check slopes.
 */
public final class SameBitsOnEveryJdk {

    private SameBitsOnEveryJdk() {
    }

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        for (Activation f : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.RELU}) {
            for (int k = -2000; k <= 2000; k++) {
                double a = k / 200.0;
                out.append(String.format(Locale.ROOT, "%s(%a) = %a%n", f.symbol(), a, f.apply(a)));
            }
        }
        Network tanh = Network.of(3, 6, 4, 2).hidden(Activation.TANH).output(Activation.TANH).seed(5);
        Matrix x = Matrix.of(new double[] {0.9, -1.7, 0.4}, new double[] {-0.3, 0.2, 2.5});
        Matrix t = Matrix.of(new double[] {0.5, -0.5}, new double[] {-0.9, 0.1});
        var g = tanh.gradients(x, t);
        out.append(String.format(Locale.ROOT, "tanh network: L = %a%n", g.loss()));
        tanh.parameters().forEach(p -> out.append(String.format(Locale.ROOT, "  dL/d%s = %a%n", p.name(), g.of(p))));
        for (Map.Entry<String, double[]> e : SameNumbersTest.numbers().entrySet()) {
            out.append(e.getKey()).append(':');
            for (double v : e.getValue()) {
                out.append(String.format(Locale.ROOT, " %a", v));
            }
            out.append('\n');
        }
        System.out.print(out);
    }
}

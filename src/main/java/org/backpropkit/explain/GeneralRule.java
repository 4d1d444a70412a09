package org.backpropkit.explain;

import java.util.function.ToDoubleFunction;
import org.backpropkit.core.Activation;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;

/**
 * The general backpropagation rule for a two-layer sigmoid network with L2 loss, written out directly
 * from the forward pass (not from the kit's backward pass), in two versions:
 * <pre>
 *   ∂L/∂θ_ij = δ_j · (input i of that layer)                       (bias: input = 1)
 *   output layer:  δ_j = (y_j − t_j) · y_j(1 − y_j)
 *   hidden layer:  δ_j = Σ_k δ_k u_jk · h_j(1 − h_j)                  (corrected)
 *   hidden layer:  δ_j = Σ_k δ_k u_jk · h_j(1 − h_j) · x_i            (as printed in the article)
 * </pre>
 * The printed version carries a stray {@code x_i} inside {@code δ_j}; multiplied by {@code x_i} again in
 * {@code ∂L/∂w_ij = δ_j x_i}, it claims {@code x_i} times the true gradient. A gradient check flags it.
 * For hidden biases the printed {@code δ_j} has no {@code i} to take {@code x_i} from; we read it as 1.
 *
 * <p>The formulas here ({@code σ' = y(1 − y)}, the hidden {@code δ}) are written out again on purpose,
 * apart from {@link org.backpropkit.core.Activation} and the kit's backward pass: this class is the
 * article's exhibit, its rule exactly as printed and as corrected, to be checked
 * ({@code GradientCheck.claimed(net, x, t, GeneralRule.asPrinted(net, x, t))}), not a second engine.
 * It takes one sample, as the article does.
 */
public final class GeneralRule {

    private GeneralRule() {
    }

    /** The corrected rule: the claimed gradient of every parameter. */
    public static ToDoubleFunction<Parameter> corrected(Network net, double[] x, double[] t) {
        return rule(net, x, t, false);
    }

    /** The rule as the article prints it, stray {@code x_i} included. */
    public static ToDoubleFunction<Parameter> asPrinted(Network net, double[] x, double[] t) {
        return rule(net, x, t, true);
    }

    private static ToDoubleFunction<Parameter> rule(Network net, double[] x, double[] t, boolean strayX) {
        requireArticleSetting(net);
        ForwardPass pass = net.forward(x);
        Matrix h = pass.h(1);
        Matrix y = pass.y();
        Matrix u = net.layer(2).w();
        double[] deltaOut = new double[y.cols()];
        for (int k = 0; k < deltaOut.length; k++) {
            double yk = y.get(0, k);
            deltaOut[k] = (yk - t[k]) * yk * (1 - yk);
        }
        return p -> {
            int i = p.row();
            int j = p.col();
            if (p.layer() == 2) {
                return deltaOut[j] * (p.isBias() ? 1 : h.get(0, i));
            }
            double sum = 0;
            for (int k = 0; k < deltaOut.length; k++) {
                sum += deltaOut[k] * u.get(j, k);
            }
            double hj = h.get(0, j);
            double input = p.isBias() ? 1 : x[i];
            double deltaJ = sum * hj * (1 - hj) * (strayX ? input : 1);
            return deltaJ * input;
        };
    }

    private static void requireArticleSetting(Network net) {
        boolean article = net.depth() == 2 && net.loss() == Loss.L2
                && net.layer(1).activation() == Activation.SIGMOID
                && net.layer(2).activation() == Activation.SIGMOID;
        if (!article) {
            throw new IllegalArgumentException("the article's general rule is written for two sigmoid layers "
                    + "with L2 loss; this is a " + net);
        }
    }
}

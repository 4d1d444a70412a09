package org.backpropkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backpropkit.check.GradientCheck;
import org.backpropkit.explain.Derivation;
import org.junit.jupiter.api.Test;

/**
 * {@link Derivation} is a witness independent of backpropagation: a backward pass with one factor
 * missing disagrees with it, while the kit's own backward pass agrees to the last bits.
 *
 * <p>The broken passes are a copy of {@link Backprop}'s loop, run on the kit's own {@link Layer}s, with
 * one error planted: (a) a hidden layer forgets {@code f'} (it hands ∂L/∂h on as its δ), or (b) the
 * output error forgets {@code f'(a⁽ᴸ⁾)}.
 */
class PlantedBackwardErrorTest {

    private enum Plant { NONE, HIDDEN_SLOPE_FORGOTTEN, OUTPUT_SLOPE_FORGOTTEN }

    private static final double[] X = {0.5, 0.8};
    private static final double[] T = {1, 0};

    /** Backprop's loop for one sample, with {@code plant} in it; returns ∂L/∂θ for every parameter. */
    private static double[] backward(Network net, Plant plant) {
        int depth = net.depth();
        Matrix[] a = new Matrix[depth + 1], h = new Matrix[depth + 1], dL_dh = new Matrix[depth + 1],
                delta = new Matrix[depth + 1], dw = new Matrix[depth + 1], db = new Matrix[depth + 1];
        h[0] = Matrix.row(X);
        for (int l = 1; l <= depth; l++) {
            int units = net.layer(l).units();
            a[l] = Matrix.zeros(1, units);
            h[l] = Matrix.zeros(1, units);
            dL_dh[l] = Matrix.zeros(1, units);
            delta[l] = Matrix.zeros(1, units);
            dw[l] = Matrix.zeros(net.layer(l).inputs(), units);
            db[l] = Matrix.zeros(1, units);
            net.layer(l).forward(h[l - 1], a[l], h[l], 0, 1);
        }
        Activation f = net.layer(depth).activation();
        Loss loss = net.loss();
        for (int k = 0; k < T.length; k++) {
            double y = h[depth].get(0, k);
            double outputError = loss.fusedWith(f) ? y - T[k] : loss.derivative(y, T[k]) * f.derivative(a[depth].get(0, k), y);
            delta[depth].set(0, k, plant == Plant.OUTPUT_SLOPE_FORGOTTEN ? loss.derivative(y, T[k]) : outputError);
        }
        for (int l = depth - 1; l >= 1; l--) {
            net.layer(l + 1).sendBack(delta[l + 1], dL_dh[l], 0, 1);
            if (plant == Plant.HIDDEN_SLOPE_FORGOTTEN) {
                delta[l].setAll(dL_dh[l]);
            } else {
                net.layer(l).error(dL_dh[l], a[l], h[l], delta[l], 0, 1);
            }
        }
        for (int l = 1; l <= depth; l++) {
            net.layer(l).gradients(h[l - 1], delta[l], dw[l], db[l], 0, net.layer(l).inputs() + 1);
        }
        return net.parameters().stream()
                .mapToDouble(p -> p.isBias() ? db[p.layer()].get(0, p.col()) : dw[p.layer()].get(p.row(), p.col()))
                .toArray();
    }

    /** How many parameters' derivations differ from these gradients by more than rounding. */
    private static int disagreements(Network net, double[] gradients) {
        int count = 0;
        for (Parameter p : net.parameters()) {
            double derived = Derivation.of(net, X, T, p).value();
            count += GradientCheck.relativeError(derived, gradients[net.parameters().indexOf(p)]) > 1e-6 ? 1 : 0;
        }
        return count;
    }

    @Test
    void theCopiedLoopWithoutAPlantIsTheKitsBackprop() {
        Network net = Network.of(2, 4, 3, 2).hidden(Activation.TANH).seed(5);
        double[] copy = backward(net, Plant.NONE);
        Gradients kit = net.gradients(X, T);
        for (Parameter p : net.parameters()) {
            assertEquals(kit.of(p), copy[net.parameters().indexOf(p)], 0, p.name());
        }
        assertEquals(0, disagreements(net, copy));
    }

    @Test
    void aHiddenLayerThatForgetsItsSlopeIsCaughtByTheDerivation() {
        List<Network> nets = List.of(Article.network(), Network.of(2, 4, 3, 2).hidden(Activation.TANH).seed(5),
                Network.of(2, 4, 3, 2).hidden(Activation.TANH).loss(Loss.CROSS_ENTROPY).seed(6));
        for (Network net : nets) {
            int hidden = 0;
            for (int l = 1; l < net.depth(); l++) {
                hidden += (net.layer(l).inputs() + 1) * net.layer(l).units();
            }
            // every weight and bias below the output layer is wrong, the output layer's are right
            assertEquals(hidden, disagreements(net, backward(net, Plant.HIDDEN_SLOPE_FORGOTTEN)), net.toString());
        }
    }

    @Test
    void anOutputErrorWithoutItsSlopeIsCaughtOnEveryParameter() {
        Network net = Network.of(2, 4, 3, 2).hidden(Activation.TANH).seed(5); // σ output, L2: not fused
        assertEquals(net.parameters().size(), disagreements(net, backward(net, Plant.OUTPUT_SLOPE_FORGOTTEN)));
        assertTrue(Derivation.of(net, X, T, "w(1)11").toString().contains("δ⁽²⁾"), "a deep term names δ⁽²⁾");
    }
}

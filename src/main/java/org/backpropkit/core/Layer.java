package org.backpropkit.core;

import java.util.Arrays;

/**
 * One dense layer with its forward rule and, right below it, its backward rule:
 * <pre>
 *   forward:   a = h_prev · w + b              h = f(a)
 *   backward:  δ = ∂L/∂h ⊙ f'(a)               (∂L/∂a, by the chain rule through h = f(a))
 *              ∂L/∂h_prev = δ · wᵀ             ∂L/∂h_prev,i = Σ_j δ_j w_ij, handed to the layer below
 *              ∂L/∂w = h_prevᵀ · δ             ∂L/∂w_ij = Σ_samples h_prev,i δ_j
 *              ∂L/∂b = Σ_samples δ             ∂L/∂b_j  = Σ_samples δ_j
 * </pre>
 * The second line is the article's sum over the next layer's units ({@code ∂L/∂h₁} collects one term per
 * output); the layer below turns it into its own {@code δ} with its own {@code f'}.
 *
 * <p>{@code w} has shape {@code inputs × units} (row-vector convention, as in the article's
 * {@code a = xw + b}); {@code b} is a {@code 1 × units} row. Both are the layer's own, mutable
 * storage: training updates them in place. Every quantity of the passes is a matrix with one row per
 * sample, held in buffers that {@link Backprop} owns and reuses, so a pass allocates nothing.
 *
 * <p>Each method works on rows {@code from … to − 1}, so that the threads of a {@link Team} can share a
 * batch: the first three lines on rows of samples (every sample goes forward, and its error back, on its
 * own), the last two on rows of the parameters, which sum over all the samples. The products are those of
 * {@link Matrix}, computed by {@link Products}.
 */
public final class Layer {

    private final Matrix w;
    private final Matrix b;
    private final Activation f;

    Layer(Matrix w, Matrix b, Activation f) {
        this.w = w;
        this.b = b;
        this.f = f;
    }

    /** The weights, {@code inputs × units}; changing an entry changes the network. */
    public Matrix w() {
        return w;
    }

    /** The biases, {@code 1 × units}; changing an entry changes the network. */
    public Matrix b() {
        return b;
    }

    /** The activation {@code f} of this layer. */
    public Activation activation() {
        return f;
    }

    public int inputs() {
        return w.rows();
    }

    public int units() {
        return w.cols();
    }

    /** Forward, for samples {@code from … to − 1}: {@code a = h_prev · w + b}, then {@code h = f(a)}. */
    void forward(Matrix hPrev, Matrix a, Matrix h, int from, int to) {
        Products.multiply(hPrev, w, a, from, to);
        double[] as = a.data(), bs = b.data();
        int units = units();
        for (int row = from * units, end = to * units; row < end; row += units) {
            for (int j = 0; j < units; j++) {
                as[row + j] += bs[j];
            }
        }
        f.applyInto(a, h, from, to);
    }

    /**
     * This layer's error {@code δ = ∂L/∂a = ∂L/∂h ⊙ f'(a)} for samples {@code from … to − 1}, given
     * {@code dL_dh} = ∂L/∂h (the output layer's δ comes from the loss instead, see {@link Backprop}).
     */
    void error(Matrix dL_dh, Matrix a, Matrix h, Matrix delta, int from, int to) {
        double[] g = dL_dh.data(), as = a.data(), hs = h.data(), d = delta.data();
        for (int k = from * units(), end = to * units(); k < end; k++) {
            d[k] = g[k] * f.derivative(as[k], hs[k]);
        }
    }

    /** ∂L/∂h of the layer below, {@code dL_dhPrev = δ · wᵀ}, for samples {@code from … to − 1}. */
    void sendBack(Matrix delta, Matrix dL_dhPrev, int from, int to) {
        Products.multiplyTranspose(delta, w, dL_dhPrev, from, to);
    }

    /**
     * The gradient, rows {@code from … to − 1} of the parameters: rows {@code 0 … inputs − 1} are those of
     * {@code dw = h_prevᵀ · δ}, row {@code inputs} is {@code db = Σ_samples δ} (a bias is the weight of an
     * input that is always 1, so its row sums δ alone).
     */
    void gradients(Matrix hPrev, Matrix delta, Matrix dw, Matrix db, int from, int to) {
        int inputs = inputs(), top = Math.min(to, inputs);
        if (from < top) {
            Products.transposeMultiply(hPrev, delta, dw, from, top);
        }
        if (to > inputs) {
            double[] d = delta.data(), sum = db.data();
            int units = units();
            Arrays.fill(sum, 0.0);
            for (int row = 0; row < d.length; row += units) {
                for (int j = 0; j < units; j++) {
                    sum[j] += d[row + j];
                }
            }
        }
    }
}

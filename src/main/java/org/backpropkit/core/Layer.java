package org.backpropkit.core;

import java.util.Arrays;

/**
 * One dense layer with its forward rule and, right below it, its backward rule:
 * <pre>
 *   forward:   a = h_prev · w + b              h = f(a)
 *   backward:  δ = ∂L/∂h ⊙ f'(a)               (∂L/∂a, by the chain rule through h = f(a))
 *              ∂L/∂w = h_prevᵀ · δ             ∂L/∂w_ij = Σ_samples h_prev,i δ_j
 *              ∂L/∂b = Σ_samples δ             ∂L/∂b_j  = Σ_samples δ_j
 *              ∂L/∂h_prev = δ · wᵀ             ∂L/∂h_prev,i = Σ_j δ_j w_ij, handed to the layer below
 * </pre>
 * The last line is the article's sum over the next layer's units ({@code ∂L/∂h₁} collects one term per
 * output); the layer below turns it into its own {@code δ} with its own {@code f'}.
 *
 * <p>{@code w} has shape {@code inputs × units} (row-vector convention, as in the article's
 * {@code a = xw + b}); {@code b} is a {@code 1 × units} row. Both are the layer's own, mutable
 * storage: training updates them in place. Every quantity of the passes is a matrix with one row per
 * sample, held in buffers that {@link Backprop} owns and reuses, so a pass allocates nothing. The
 * products are those of {@link Matrix}, computed by {@link Products} (on the threads of a {@link Team},
 * when the workspace has one; null means the calling thread alone).
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

    /** Forward: {@code a = h_prev · w + b}, then {@code h = f(a)}, written into {@code a} and {@code h}. */
    void forward(Matrix hPrev, Matrix a, Matrix h, Team team) {
        Products.multiply(hPrev, w, a, team);
        double[] as = a.data(), bs = b.data();
        int units = units();
        for (int row = 0; row < as.length; row += units) {
            for (int j = 0; j < units; j++) {
                as[row + j] += bs[j];
            }
        }
        f.applyInto(a, h);
    }

    /**
     * Backward, given {@code dL_dh} = ∂L/∂h of this layer for every sample: first
     * {@code delta = dL_dh ⊙ f'(a)}, this layer's error {@code δ = ∂L/∂a}; then
     * {@link #backwardFromDelta} writes the gradients and ∂L/∂h of the layer below.
     */
    void backward(Matrix hPrev, Matrix a, Matrix h, Matrix dL_dh, Matrix delta, Matrix dw, Matrix db,
            Matrix dL_dhPrev, Team team) {
        double[] g = dL_dh.data(), as = a.data(), hs = h.data(), d = delta.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = g[k] * f.derivative(as[k], hs[k]);
        }
        backwardFromDelta(hPrev, delta, dw, db, dL_dhPrev, team);
    }

    /**
     * Backward, given this layer's error {@code delta} = ∂L/∂a for every sample (the output layer's comes
     * from the loss, see {@link Backprop}): {@code dw = h_prevᵀ · δ}, {@code db = Σ_samples δ}, and, unless
     * {@code dL_dhPrev} is null (the first layer: nothing below it learns), {@code dL_dhPrev = δ · wᵀ}.
     */
    void backwardFromDelta(Matrix hPrev, Matrix delta, Matrix dw, Matrix db, Matrix dL_dhPrev, Team team) {
        Products.transposeMultiply(hPrev, delta, dw, team);
        double[] d = delta.data(), sum = db.data();
        int units = units();
        Arrays.fill(sum, 0.0);
        for (int row = 0; row < d.length; row += units) {
            for (int j = 0; j < units; j++) {
                sum[j] += d[row + j];
            }
        }
        if (dL_dhPrev != null) {
            Products.multiplyTranspose(delta, w, dL_dhPrev, team);
        }
    }
}

package org.backpropkit.core;

/**
 * One dense layer, {@code a = h_prev · w + b} and {@code h = f(a)}, with its backward rule beside
 * its forward rule.
 *
 * <p>{@code w} has shape {@code inputs × units} (row-vector convention, as in the article's
 * {@code a = xw + b}); {@code b} is a {@code 1 × units} row. Both are the layer's own, mutable
 * storage: training updates them in place.
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

    /** Forward: {@code a = h_prev · w + b}, then {@code h = f(a)}, written into the given buffers. */
    void forward(Matrix hPrev, Matrix a, Matrix h) {
        Matrix.multiplyInto(hPrev, w, a);
        double[] as = a.data(), bs = b.data();
        int units = units();
        for (int k = 0; k < as.length; k++) {
            as[k] += bs[k % units];
        }
        f.applyInto(a, h);
    }

    /**
     * Backward, given this layer's error {@code δ = ∂L/∂a} for every sample of the batch:
     * <ul>
     *   <li>{@code ∂L/∂w_ij = Σ_samples h_prev,i · δ_j}, i.e. {@code ∇w = h_prevᵀ · δ};</li>
     *   <li>{@code ∂L/∂b_j = Σ_samples δ_j};</li>
     *   <li>if {@code back} is given: {@code ∂L/∂h_prev,i = Σ_j δ_j w_ij}, i.e. {@code δ · wᵀ} — the
     *       sum over the next layer's units that the article writes out for {@code ∂L/∂h₁}.</li>
     * </ul>
     */
    void backward(Matrix hPrev, Matrix delta, Matrix dw, Matrix db, Matrix back) {
        Matrix.transposeMultiplyInto(hPrev, delta, dw);
        double[] d = delta.data(), g = db.data();
        int units = units();
        java.util.Arrays.fill(g, 0.0);
        for (int k = 0; k < d.length; k++) {
            g[k % units] += d[k];
        }
        if (back != null) {
            Matrix.multiplyTransposeInto(delta, w, back);
        }
    }
}

package org.backpropkit.core;

/**
 * A workspace that runs the forward and backward passes of one network for batches of a fixed
 * size, reusing its buffers so that a training step allocates nothing.
 *
 * <p>The backward pass is the four rules of backpropagation, top to bottom:
 * <ol>
 *   <li>output error: {@code δ⁽ᴸ⁾ = ∂L/∂y ⊙ f'(a⁽ᴸ⁾)} (for the article: {@code δ_j = (y_j − t_j) y_j (1 − y_j)});</li>
 *   <li>error sent back: {@code δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ w⁽ˡ⁾ᵀ) ⊙ f'(a⁽ˡ⁻¹⁾)}, i.e.
 *       {@code δ_j = (Σ_k δ_k w_jk) f'(a_j)} — the article's sum over the next layer's units;</li>
 *   <li>weight gradient: {@code ∂L/∂w_ij = h_i δ_j} (for the output layer {@code δ_j h_i}, for the
 *       first layer {@code δ_j x_i});</li>
 *   <li>bias gradient: {@code ∂L/∂b_j = δ_j}.</li>
 * </ol>
 * The network's weights are read at each run, so the workspace follows training.
 *
 * <p>Cost of one run: about three times the multiply-adds of the forward pass.
 */
public final class Backprop {

    private final Network network;
    private final int batch;
    private final Matrix x;
    private final Matrix t;
    private final Matrix[] a;
    private final Matrix[] h;
    private final Matrix[] delta;
    private final Matrix[] dw;
    private final Matrix[] db;
    private final ForwardPass forward;
    private final Gradients gradients;

    /** A workspace for {@code network} and batches of {@code batch} samples. */
    public Backprop(Network network, int batch) {
        this.network = network;
        this.batch = Require.positive("batch size", batch);
        int depth = network.depth();
        x = Matrix.zeros(batch, network.inputs());
        t = Matrix.zeros(batch, network.outputs());
        a = new Matrix[depth + 1];
        h = new Matrix[depth + 1];
        delta = new Matrix[depth + 1];
        dw = new Matrix[depth + 1];
        db = new Matrix[depth + 1];
        h[0] = x;
        for (int l = 1; l <= depth; l++) {
            Layer layer = network.layer(l);
            a[l] = Matrix.zeros(batch, layer.units());
            h[l] = Matrix.zeros(batch, layer.units());
            delta[l] = Matrix.zeros(batch, layer.units());
            dw[l] = Matrix.zeros(layer.inputs(), layer.units());
            db[l] = Matrix.zeros(1, layer.units());
        }
        forward = new ForwardPass(network.notation(), x, a, h);
        gradients = new Gradients(network, forward, delta, dw, db);
    }

    /** The batch size this workspace runs. */
    public int batchSize() {
        return batch;
    }

    /** Runs the forward pass on {@code input} (one row per sample). */
    public ForwardPass forward(Matrix input) {
        checkRows("x", input);
        network.checkInput(input);
        x.setAll(input);
        return forward();
    }

    /** Runs the forward and backward passes on inputs {@code input} and targets {@code target}. */
    public Gradients gradients(Matrix input, Matrix target) {
        checkRows("x", input);
        checkRows("t", target);
        network.checkInput(input);
        network.checkTarget(target);
        x.setAll(input);
        t.setAll(target);
        return backward();
    }

    /** The loss {@code L} (the batch mean) at the network's current weights: a forward pass only. */
    public double loss(Matrix input, Matrix target) {
        checkRows("t", target);
        forward(input);
        network.checkTarget(target);
        return network.loss().value(h[network.depth()], target);
    }

    /**
     * Runs both passes on the rows {@code order[from] … order[from + batch − 1]} of a data set,
     * copying them into the workspace (mini-batches in shuffled order, without allocating).
     * The data set must have been checked by the caller.
     */
    public Gradients gradients(Matrix inputs, Matrix targets, int[] order, int from) {
        Matrix.gatherRowsInto(inputs, order, from, x);
        Matrix.gatherRowsInto(targets, order, from, t);
        return backward();
    }

    private ForwardPass forward() {
        for (int l = 1; l <= network.depth(); l++) {
            network.layer(l).forward(h[l - 1], a[l], h[l]);
        }
        return forward;
    }

    private Gradients backward() {
        forward();
        int depth = network.depth();
        Loss loss = network.loss();
        Layer last = network.layer(depth);
        gradients.setLoss(loss.value(h[depth], t));
        loss.outputErrorInto(last.activation(), a[depth], h[depth], t, delta[depth]);      // rule 1
        for (int l = depth; l >= 1; l--) {
            network.layer(l).backward(h[l - 1], delta[l], dw[l], db[l], l > 1 ? delta[l - 1] : null); // rules 3, 4
            if (l > 1) {
                network.layer(l - 1).activation().multiplyDerivativeInto(a[l - 1], h[l - 1], delta[l - 1]); // rule 2
            }
        }
        return gradients;
    }

    private void checkRows(String name, Matrix m) {
        if (m.rows() != batch) {
            throw new IllegalArgumentException(name + " has " + m.rows() + " rows, this workspace runs batches of "
                    + batch);
        }
    }
}

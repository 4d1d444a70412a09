package org.backpropkit.core;

/**
 * Backpropagation for one network and batches of a fixed size: the forward pass layer by layer, then
 * the four rules top to bottom. For a batch of {@code n} samples the loss is the mean of their losses,
 * so each sample's output error carries the factor {@code 1/n} (for one sample it is the article's δ).
 * <ol>
 *   <li>output error: {@code δ⁽ᴸ⁾ = ∂L/∂y ⊙ f'(a⁽ᴸ⁾)}, for the article {@code δ_j = (y_j − t_j) y_j(1 − y_j)};
 *       for the pairs {@link Loss#fusedWith fused} (cross-entropy after softmax or sigmoid) {@code y − t};</li>
 *   <li>error sent back: {@code δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ w⁽ˡ⁺¹⁾ᵀ) ⊙ f'(a⁽ˡ⁾)}, i.e.
 *       {@code δ_j = (Σ_k δ_k w_jk) f'(a_j)}, the article's sum over the next layer's units;</li>
 *   <li>weight gradient: {@code ∂L/∂w_ij = h_i δ_j} (for the output layer {@code δ_j h_i}, for the
 *       first layer {@code δ_j x_i}), summed over the batch;</li>
 *   <li>bias gradient: {@code ∂L/∂b_j = δ_j}, summed over the batch.</li>
 * </ol>
 * Rule 1 is written below; each {@link Layer} does rules 3 and 4 for itself, sends {@code δ wᵀ} down,
 * and applies its own {@code f'} to what it receives (rule 2).
 *
 * <p>A workspace: it keeps every buffer and reuses it, so a training step allocates nothing; the
 * network's weights are read at each run, so it follows training. Cost of one run: about three times
 * the multiply-adds of the forward pass.
 */
public final class Backprop {

    private final Network network;
    private final int batch;
    private final Matrix x;
    private final Matrix t;
    private final Matrix[] a;
    private final Matrix[] h;
    private final Matrix[] dL_dh;
    private final Matrix[] delta;
    private final Matrix[] dw;
    private final Matrix[] db;
    private final ForwardPass forward;
    private final Gradients gradients;
    private final Team team;

    /** A workspace for {@code network} and batches of {@code batch} samples, on the calling thread. */
    public Backprop(Network network, int batch) {
        this(network, batch, null);
    }

    /**
     * A workspace whose large products are split between the threads of {@code team} (null: the calling
     * thread alone). The numbers are the same either way, bit for bit.
     */
    public Backprop(Network network, int batch, Team team) {
        this.network = Require.notNull("network", network);
        this.team = team;
        this.batch = Require.positive("batch size", batch);
        int depth = network.depth();
        x = Matrix.zeros(batch, network.inputs());
        t = Matrix.zeros(batch, network.outputs());
        a = new Matrix[depth + 1];
        h = new Matrix[depth + 1];
        dL_dh = new Matrix[depth + 1];
        delta = new Matrix[depth + 1];
        dw = new Matrix[depth + 1];
        db = new Matrix[depth + 1];
        h[0] = x;
        for (int l = 1; l <= depth; l++) {
            Layer layer = network.layer(l);
            a[l] = Matrix.zeros(batch, layer.units());
            h[l] = Matrix.zeros(batch, layer.units());
            dL_dh[l] = Matrix.zeros(batch, layer.units());
            delta[l] = Matrix.zeros(batch, layer.units());
            dw[l] = Matrix.zeros(layer.inputs(), layer.units());
            db[l] = Matrix.zeros(1, layer.units());
        }
        forward = new ForwardPass(network.notation(), x, a, h);
        gradients = new Gradients(network, forward, delta, dw, db);
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
        return network.loss().sum(h[network.depth()], target) / batch;
    }

    /**
     * The loss of a whole data set of {@code batch} samples, read where it is (nothing is copied): for a
     * trainer that measures the same data after every epoch. The data must have been checked by the caller,
     * e.g. by a first {@link #loss(Matrix, Matrix)}: only the shapes are checked here, not every value.
     */
    public double lossOfChecked(Matrix inputs, Matrix targets) {
        checkRows("x", inputs);
        checkRows("t", targets);
        Require.columns("x", inputs, network.inputs(), "the network takes");
        Require.columns("t", targets, network.outputs(), "the network gives");
        forwardFrom(inputs);
        return network.loss().sum(h[network.depth()], targets) / batch;
    }

    /**
     * Runs both passes on the rows {@code order[from] … order[from + batch − 1]} of a data set,
     * copying them into the workspace (mini-batches in shuffled order, without allocating).
     * The data set must have been checked by the caller.
     */
    public Gradients gradients(Matrix inputs, Matrix targets, int[] order, int from) {
        Require.notNull("inputs", inputs);
        Require.notNull("targets", targets);
        Require.notNull("order", order);
        Matrix.gatherRowsInto(inputs, order, from, x);
        Matrix.gatherRowsInto(targets, order, from, t);
        return backward();
    }

    private ForwardPass forward() {
        forwardFrom(x);
        return forward;
    }

    /** The forward pass from {@code input} (the workspace's {@code x}, or data read in place). */
    private void forwardFrom(Matrix input) {
        for (int l = 1; l <= network.depth(); l++) {
            network.layer(l).forward(l == 1 ? input : h[l - 1], a[l], h[l], team);
        }
    }

    private Gradients backward() {
        forward();
        int depth = network.depth();
        Layer output = network.layer(depth);
        Activation f = output.activation();
        Loss loss = network.loss();
        double mean = 1.0 / batch;
        gradients.setLoss(loss.sum(h[depth], t) / batch);
        // Rule 1, the output error: δ = ∂L/∂y ⊙ f'(a), or y − t for a fused pair; 1/n of it per sample.
        boolean fused = loss.fusedWith(f);
        double[] as = a[depth].data(), ys = h[depth].data(), ts = t.data(), d = delta[depth].data();
        for (int k = 0; k < d.length; k++) {
            double dL_da = fused ? ys[k] - ts[k] : loss.derivative(ys[k], ts[k]) * f.derivative(as[k], ys[k]);
            d[k] = dL_da * mean;
        }
        // Rules 3 and 4 for the output layer, which also sends ∂L/∂h = δ wᵀ to the layer below.
        output.backwardFromDelta(h[depth - 1], delta[depth], dw[depth], db[depth], depth > 1 ? dL_dh[depth - 1] : null,
                team);
        // Rule 2 in each layer below (δ = ∂L/∂h ⊙ f'(a)), then its rules 3 and 4, down to the first layer.
        for (int l = depth - 1; l >= 1; l--) {
            network.layer(l).backward(h[l - 1], a[l], h[l], dL_dh[l], delta[l], dw[l], db[l], l > 1 ? dL_dh[l - 1] : null,
                    team);
        }
        return gradients;
    }

    private void checkRows(String name, Matrix m) {
        Require.notNull(name, m, "give one sample per row");
        if (m.rows() != batch) {
            throw new IllegalArgumentException(name + " has " + m.rows() + " rows, this workspace runs batches of "
                    + batch);
        }
    }
}

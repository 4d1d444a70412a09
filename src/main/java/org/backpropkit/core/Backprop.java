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
 * Rule 1 is written below; each {@link Layer} sends {@code δ wᵀ} down and applies its own {@code f'} to
 * what it receives (rule 2), and sums its own gradients (rules 3 and 4).
 *
 * <p>Up to rule 2 every sample is on its own: its forward pass and its errors δ need no other sample. Only
 * rules 3 and 4 sum over the batch. So the passes run on blocks of samples, and the gradients on blocks of
 * rows of each layer's parameters: on the threads of a {@link Team} if there is one (a large network in
 * training), else all at once on the calling thread. The numbers are the same either way, bit for bit.
 *
 * <p>A workspace: it keeps every buffer and reuses it, so a training step allocates nothing; the
 * network's weights are read at each run, so it follows training. Cost of one run: about three times
 * the multiply-adds of the forward pass.
 */
public final class Backprop {

    private final Network network;
    /** The network's layers, {@code layers[1] … layers[depth]}: read at every step, so looked up once. */
    private final Layer[] layers;
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
    /** Multiply-adds of one sample's forward pass, to tell the team how large a pass is. */
    private final long perSample;
    // What the next pass reads: layer 1's input (x, or a data set read in place) and, for a mini-batch, the
    // data set's rows order[start …], which each block of samples copies into x and t before its pass.
    private Matrix input;
    private Matrix inputs;
    private Matrix targets;
    private int[] order;
    private int start;
    // The work handed to a team, made once so that a run allocates nothing.
    private final Team.Part forwardOfSamples = this::forward;
    private final Team.Part errorsOfSamples = this::errors;
    private final Team.Part[] gradientsOfRows;

    /** A workspace for {@code network} and batches of {@code batch} samples, on the calling thread. */
    public Backprop(Network network, int batch) {
        this(network, batch, null);
    }

    /**
     * A workspace whose large passes are shared between the threads of {@code team} (null: the calling
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
        gradientsOfRows = new Team.Part[depth + 1];
        layers = new Layer[depth + 1];
        h[0] = x;
        long cost = 0;
        for (int l = 1; l <= depth; l++) {
            Layer layer = network.layer(l);
            layers[l] = layer;
            a[l] = Matrix.zeros(batch, layer.units());
            h[l] = Matrix.zeros(batch, layer.units());
            dL_dh[l] = Matrix.zeros(batch, layer.units());
            delta[l] = Matrix.zeros(batch, layer.units());
            dw[l] = Matrix.zeros(layer.inputs(), layer.units());
            db[l] = Matrix.zeros(1, layer.units());
            int k = l;
            gradientsOfRows[l] = (from, to) -> gradients(k, from, to);
            cost += (long) layer.inputs() * layer.units();
        }
        perSample = cost;
        forward = new ForwardPass(network.notation(), x, a, h);
        gradients = new Gradients(network, forward, delta, dw, db);
    }

    /** The number of samples this workspace runs at once. */
    public int batch() {
        return batch;
    }

    /** Runs the forward pass on {@code input} (one row per sample). */
    public ForwardPass forward(Matrix input) {
        checkRows("x", input);
        network.checkInput(input);
        x.setAll(input);
        forwardFrom(x);
        return forward;
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
        this.inputs = Require.notNull("inputs", inputs);
        this.targets = Require.notNull("targets", targets);
        this.order = Require.notNull("order", order);
        start = from;
        try {
            return backward();
        } finally {
            this.order = null;
        }
    }

    /** The forward pass of every sample, from {@code input} (the workspace's {@code x}, or data read in place). */
    private void forwardFrom(Matrix input) {
        this.input = input;
        if (team == null) {
            forward(0, batch);
        } else {
            team.share(batch, batch * perSample, forwardOfSamples);
        }
    }

    /** The forward pass of samples {@code from … to − 1}, layer by layer. */
    private void forward(int from, int to) {
        for (int l = 1; l < layers.length; l++) {
            layers[l].forward(l == 1 ? input : h[l - 1], a[l], h[l], from, to);
        }
    }

    private Gradients backward() {
        input = x;
        // The forward pass and rules 1 and 2, sample by sample (a team's threads take blocks of samples).
        if (team == null) {
            errors(0, batch);
        } else {
            team.share(batch, batch * perSample, errorsOfSamples);
        }
        gradients.setLoss(network.loss().sum(h[layers.length - 1], t) / batch);
        // Rules 3 and 4 sum over the samples: a team's threads take blocks of rows of each layer's parameters.
        for (int l = 1; l < layers.length; l++) {
            if (team == null) {
                gradients(l, 0, layers[l].inputs() + 1);
            } else {
                team.shareRowsOf(layers[l], batch, gradientsOfRows[l]);
            }
        }
        return gradients;
    }

    /** For samples {@code from … to − 1}: the forward pass, then the errors δ of every layer (rules 1 and 2). */
    private void errors(int from, int to) {
        if (order != null) {
            Matrix.gatherRowsInto(inputs, order, start, x, from, to);
            Matrix.gatherRowsInto(targets, order, start, t, from, to);
        }
        forward(from, to);
        int depth = layers.length - 1, outputs = layers[depth].units();
        Activation f = layers[depth].activation();
        Loss loss = network.loss();
        double mean = 1.0 / batch;
        // Rule 1, the output error: δ = ∂L/∂y ⊙ f'(a), or y − t for a fused pair; 1/n of it per sample.
        boolean fused = loss.fusedWith(f);
        double[] as = a[depth].data(), ys = h[depth].data(), ts = t.data(), d = delta[depth].data();
        for (int k = from * outputs, end = to * outputs; k < end; k++) {
            double dL_da = fused ? ys[k] - ts[k] : loss.derivative(ys[k], ts[k]) * f.derivative(as[k], ys[k]);
            d[k] = dL_da * mean;
        }
        // Rule 2, down to the first layer: ∂L/∂h = δ wᵀ from the layer above, then δ = ∂L/∂h ⊙ f'(a).
        for (int l = depth - 1; l >= 1; l--) {
            layers[l + 1].sendBack(delta[l + 1], dL_dh[l], from, to);
            layers[l].error(dL_dh[l], a[l], h[l], delta[l], from, to);
        }
    }

    /** Rules 3 and 4 for rows {@code from … to − 1} of layer {@code l}'s parameters (its {@code w}, then {@code b}). */
    private void gradients(int l, int from, int to) {
        layers[l].gradients(h[l - 1], delta[l], dw[l], db[l], from, to);
    }

    private void checkRows(String name, Matrix m) {
        Require.notNull(name, m, "give one sample per row");
        if (m.rows() != batch) {
            throw new IllegalArgumentException(name + " has " + m.rows() + " rows, this workspace runs batches of "
                    + batch);
        }
    }
}

package org.backpropkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A feed-forward network of dense layers, {@code x → h⁽¹⁾ → … → y}, and its loss.
 *
 * <p>Built in one line; the defaults are the article's (sigmoid everywhere, L2 loss):
 * <pre>{@code
 * Network net = Network.of(2, 3, 2).seed(42);                       // the article's 2-3-2 network
 * Network deep = Network.of(64, 32, 10).hidden(Activation.RELU)
 *                       .loss(Loss.CROSS_ENTROPY).seed(7);         // softmax output follows the loss
 * }</pre>
 * Weights start small and random (uniform in {@code ±√(6/(in+out))}, or {@code ±√(6/in)} before a
 * ReLU), biases at zero; the same seed gives the same numbers. Any weight can then be set exactly,
 * by name ({@code net.set("u21", 0.5)}) or a layer at a time ({@link #setWeights}).
 *
 * <p>Names follow {@link Notation}: in a two-layer network {@code w} and {@code u}, else {@code w⁽ˡ⁾}.
 */
public final class Network {

    private final List<Layer> layers;
    private final Loss loss;
    private final Notation notation;
    private final List<Parameter> parameters;

    private Network(List<Layer> layers, Loss loss) {
        this.layers = List.copyOf(layers);
        this.loss = loss;
        int[] sizes = new int[layers.size() + 1];
        sizes[0] = layers.get(0).inputs();
        for (int l = 1; l <= layers.size(); l++) {
            sizes[l] = layers.get(l - 1).units();
        }
        this.notation = new Notation(sizes);
        List<Parameter> all = new ArrayList<>();
        for (int l = 1; l <= layers.size(); l++) {
            Layer layer = layers.get(l - 1);
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    all.add(new Parameter(l, false, i, j, notation));
                }
            }
            for (int j = 0; j < layer.units(); j++) {
                all.add(new Parameter(l, true, 0, j, notation));
            }
        }
        this.parameters = Collections.unmodifiableList(all);
    }

    /**
     * Starts a network with these layer sizes, inputs first, e.g. {@code of(2, 3, 2)}.
     *
     * @throws IllegalArgumentException if a size is not positive, a layer has more weights than a Java array
     *     holds, or the network more parameters than this JVM has memory for
     */
    public static Builder of(int... sizes) {
        return new Builder(sizes);
    }

    /** The choices of a network before its weights exist. */
    public static final class Builder {
        private final int[] sizes;
        private Activation hidden = Activation.SIGMOID;
        private Activation output;
        private Loss loss = Loss.L2;

        private Builder(int[] sizes) {
            Require.notNull("sizes", sizes, "give the layer sizes, inputs first, e.g. Network.of(2, 3, 2)");
            if (sizes.length < 2) {
                throw new IllegalArgumentException("a network needs at least 2 sizes (inputs and outputs), got "
                        + sizes.length);
            }
            for (int k = 0; k < sizes.length; k++) {
                if (sizes[k] < 1) {
                    throw new IllegalArgumentException("layer sizes must be positive, got " + sizes[k] + " at position "
                            + (k + 1) + " of " + java.util.Arrays.toString(sizes));
                }
            }
            requireRoom(sizes);
            this.sizes = sizes.clone();
        }

        /** The activation of every hidden layer (default: sigmoid). */
        public Builder hidden(Activation f) {
            Require.notNull("the hidden activation", f,
                    "give one of SIGMOID, TANH, RELU, IDENTITY, e.g. hidden(Activation.TANH)");
            if (f == Activation.SOFTMAX) {
                throw new IllegalArgumentException("softmax belongs on the output layer, not on hidden layers");
            }
            this.hidden = f;
            return this;
        }

        /** The activation of the output layer (default: softmax for cross-entropy, else sigmoid). */
        public Builder output(Activation f) {
            this.output = Require.notNull("the output activation", f, "give one of SIGMOID, TANH, RELU, IDENTITY, "
                    + "SOFTMAX, or leave output(…) out for the default (softmax for cross-entropy, else sigmoid)");
            return this;
        }

        /** The loss (default: the article's L2). */
        public Builder loss(Loss loss) {
            this.loss = Require.notNull("the loss", loss, "give one of L2, BINARY_CROSS_ENTROPY, CROSS_ENTROPY");
            return this;
        }

        /**
         * Builds the network with weights drawn from {@code new Random(seed)}.
         */
        public Network seed(long seed) {
            Activation out = output != null ? output : loss == Loss.CROSS_ENTROPY ? Activation.SOFTMAX : Activation.SIGMOID;
            loss.requireCompatible(out);
            Random random = new Random(seed);
            List<Layer> layers = new ArrayList<>();
            for (int l = 1; l < sizes.length; l++) {
                Activation f = l == sizes.length - 1 ? out : hidden;
                int in = sizes[l - 1], units = sizes[l];
                double limit = Math.sqrt(6.0 / (f == Activation.RELU ? in : in + units));
                layers.add(new Layer(Matrix.uniform(in, units, limit, random), Matrix.zeros(1, units), f));
            }
            return new Network(layers, loss);
        }
    }

    /**
     * Refuses, before anything is allocated, a network whose weights cannot exist: a layer {@code in × out}
     * beyond Java's largest array (a 50000-50000 layer has 2.5 billion weights), or more parameters than the
     * JVM's memory. Training needs several times this again (gradients, velocities, a batch's values).
     */
    private static void requireRoom(int[] sizes) {
        long parameters = 0;
        for (int l = 1; l < sizes.length; l++) {
            long weights = (long) sizes[l - 1] * sizes[l];
            if (weights > Matrix.MAX_ENTRIES) {
                throw new IllegalArgumentException("layer " + l + " joins " + sizes[l - 1] + " inputs to " + sizes[l]
                        + " units: " + weights + " weights, more than one Java array holds (" + Matrix.MAX_ENTRIES
                        + "); make the layers narrower");
            }
            parameters += weights + sizes[l];
        }
        long maximum = Runtime.getRuntime().maxMemory();
        if (8 * parameters > maximum) {
            throw new IllegalArgumentException("a " + java.util.Arrays.toString(sizes).replace(", ", "-")
                    .replaceAll("[\\[\\]]", "") + " network has " + parameters + " parameters, "
                    + String.format(java.util.Locale.ROOT, "%.1f", 8 * parameters / 1e9) + " GB as doubles, more than the "
                    + String.format(java.util.Locale.ROOT, "%.1f", maximum / 1e9) + " GB this JVM may use (its -Xmx)");
        }
    }

    /** Returns an independent copy, weights included. */
    public Network copy() {
        List<Layer> copies = new ArrayList<>();
        for (Layer layer : layers) {
            copies.add(new Layer(layer.w().copy(), layer.b().copy(), layer.activation()));
        }
        return new Network(copies, loss);
    }

    /** The number of weight layers {@code L}. */
    public int depth() {
        return layers.size();
    }

    /** Layer {@code l}, counted from 1 to L. */
    public Layer layer(int l) {
        return layers.get(Require.layer(l, depth()) - 1);
    }

    public int inputs() {
        return layers.get(0).inputs();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    public Loss loss() {
        return loss;
    }

    /** The names this network uses ({@code w}, {@code u}, {@code b⁽¹⁾}, …). */
    public Notation notation() {
        return notation;
    }

    /** Every weight and bias: layer by layer, weights row by row, then that layer's biases. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The parameter with this name: {@code w21}, {@code u12}, {@code b(2)1} in the article's
     * two-layer network; {@code w(3)12} in a deeper one; {@code w(1)12,3} when an index has two
     * digits. Subscripts as printed ({@code u₂₁}, {@code b⁽¹⁾₃}) work too. The names are read by
     * {@link Notation#parameter}.
     */
    public Parameter parameter(String name) {
        return notation.parameter(name);
    }

    /** The value of the named parameter. */
    public double get(String name) {
        return get(parameter(name));
    }

    public double get(Parameter p) {
        Require.notNull("the parameter p", p);
        Layer layer = layer(p.layer());
        return p.isBias() ? layer.b().get(0, p.col()) : layer.w().get(p.row(), p.col());
    }

    /** Sets the named parameter, e.g. {@code set("u21", 0.5)}. */
    public void set(String name, double value) {
        set(parameter(name), value);
    }

    public void set(Parameter p, double value) {
        Require.notNull("the parameter p", p);
        Require.finite(p.name(), value);
        Layer layer = layer(p.layer());
        (p.isBias() ? layer.b() : layer.w()).set(p.isBias() ? 0 : p.row(), p.col(), value);
    }

    /** Sets every weight of layer {@code l}; {@code w} must have shape inputs × units of that layer. */
    public void setWeights(int l, double[][] w) {
        Require.notNull("w", w, "give the weights of layer " + l + " as rows, one per input");
        Matrix m = Matrix.of(w);
        Matrix target = layer(l).w();
        if (m.rows() != target.rows() || m.cols() != target.cols()) {
            throw new IllegalArgumentException(Notation.plain(notation.weight(l, true)) + " of layer " + l + " is "
                    + target.shape() + " (inputs × units), got " + m.shape());
        }
        requireFinite(l, false, m, "setWeights(" + l + ", …)");
        target.setAll(m);
    }

    /** Sets every bias of layer {@code l}. */
    public void setBiases(int l, double... b) {
        Require.notNull("b", b, "give one bias per unit of layer " + l);
        Matrix target = layer(l).b();
        if (b.length != target.cols()) {
            throw new IllegalArgumentException(Notation.plain(notation.bias(l, true)) + " has " + target.cols()
                    + " entries, got " + b.length);
        }
        Matrix m = Matrix.row(b);
        requireFinite(l, true, m, "setBiases(" + l + ", …)");
        target.setAll(m);
    }

    /**
     * Requires every weight and bias to be a finite number, and names the first that is not. The setters
     * refuse NaN and infinity already; this also catches a value written straight into a layer's matrix
     * ({@code layer(1).w().set(0, 0, Double.NaN)}), before it turns every result into NaN. The forward pass,
     * the loss, the gradients, training and gradient checks ask it first. Cost: one look at each parameter,
     * no more than a forward pass of one sample.
     */
    public void requireFinite() {
        for (int l = 1; l <= depth(); l++) {
            requireFinite(l, false, layer(l).w(), null);
            requireFinite(l, true, layer(l).b(), null);
        }
    }

    /**
     * Refuses the first entry of {@code m}, the weights or biases of layer {@code l}, that is not finite,
     * by its name; {@code setter} names the call that would have set it, null for the network as it is.
     */
    private void requireFinite(int l, boolean bias, Matrix m, String setter) {
        double[] d = m.data();
        for (int k = 0; k < d.length; k++) {
            if (!Double.isFinite(d[k])) {
                Parameter p = new Parameter(l, bias, bias ? 0 : k / m.cols(), k % m.cols(), notation);
                String name = p.name() + " (" + p.symbol() + ")";
                throw new IllegalArgumentException(setter != null
                        ? setter + " would set " + name + " to " + d[k] + "; every weight and bias must be a finite number"
                        : name + " is " + d[k] + " in this network; every weight and bias must be a finite number (the"
                                + " setters refuse NaN and infinity: was a layer's matrix changed directly?)");
            }
        }
    }

    /** Runs the forward pass for one sample. */
    public ForwardPass forward(double... x) {
        return forward(Require.sample("x", x));
    }

    /** Runs the forward pass for a batch, one sample per row. */
    public ForwardPass forward(Matrix x) {
        Require.notNull("x", x, "give the inputs, one sample per row");
        requireFinite();
        return new Backprop(this, x.rows()).forward(x);
    }

    /** The loss {@code L} for one sample: a forward pass only. */
    public double loss(double[] x, double[] t) {
        return loss(Require.sample("x", x), Require.sample("t", t));
    }

    /** The loss of a batch, the mean of its samples' losses: a forward pass only. */
    public double loss(Matrix x, Matrix t) {
        Require.sameRows(x, t);
        requireFinite();
        return new Backprop(this, x.rows()).loss(x, t);
    }

    /** Backpropagation for one sample: the deltas and every gradient. */
    public Gradients gradients(double[] x, double[] t) {
        return gradients(Require.sample("x", x), Require.sample("t", t));
    }

    /** Backpropagation for a batch: gradients of the mean loss. */
    public Gradients gradients(Matrix x, Matrix t) {
        Require.sameRows(x, t);
        requireFinite();
        return new Backprop(this, x.rows()).gradients(x, t);
    }

    void checkInput(Matrix x) {
        Require.columns("x", x, inputs(), "the network takes");
        Require.finite("x", x);
    }

    void checkTarget(Matrix t) {
        Require.columns("t", t, outputs(), "the network gives");
        Require.finite("t", t);
        loss.requireTargets(t);
    }

    /** The sizes of its layers, inputs first, e.g. {@code 2-3-2}. */
    public String shape() {
        StringBuilder s = new StringBuilder().append(inputs());
        for (Layer layer : layers) {
            s.append('-').append(layer.units());
        }
        return s.toString();
    }

    /** E.g. {@code 2-3-2 network, σ hidden, σ output, L2 loss, 17 parameters}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(shape());
        Activation out = layers.get(layers.size() - 1).activation();
        s.append(" network, ");
        if (depth() > 1) {
            s.append(layers.get(0).activation().symbol()).append(" hidden, ");
        }
        return s.append(out.symbol()).append(" output, ").append(loss.title()).append(" loss, ")
                .append(parameters.size()).append(" parameters").toString();
    }
}

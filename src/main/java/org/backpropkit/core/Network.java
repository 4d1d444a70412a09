package org.backpropkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern NAME = Pattern.compile("([a-z])(?:\\((\\d+)\\))?(\\d+)(?:,(\\d+))?");

    private final List<Layer> layers;
    private final Loss loss;
    private final Notation notation;
    private final List<Parameter> parameters;

    private Network(List<Layer> layers, Loss loss) {
        this.layers = List.copyOf(layers);
        this.loss = loss;
        this.notation = new Notation(layers.size());
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

    /** Starts a network with these layer sizes, inputs first, e.g. {@code of(2, 3, 2)}. */
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
            this.sizes = sizes.clone();
        }

        /** The activation of every hidden layer (default: sigmoid). */
        public Builder hidden(Activation f) {
            if (f == Activation.SOFTMAX) {
                throw new IllegalArgumentException("softmax belongs on the output layer, not on hidden layers");
            }
            this.hidden = f;
            return this;
        }

        /** The activation of the output layer (default: softmax for cross-entropy, else sigmoid). */
        public Builder output(Activation f) {
            this.output = f;
            return this;
        }

        /** The loss (default: the article's L2). */
        public Builder loss(Loss loss) {
            this.loss = loss;
            return this;
        }

        /** Builds the network with weights drawn from {@code new Random(seed)}. */
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
        return layers.get(checkLayer(l) - 1);
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
     * digits. Subscripts as printed ({@code u₂₁}, {@code b⁽¹⁾₃}) work too.
     */
    public Parameter parameter(String name) {
        Matcher m = NAME.matcher(Notation.plain(name));
        if (!m.matches()) {
            throw unknown(name, "it does not look like a parameter name");
        }
        String letter = m.group(1);
        int l;
        if (m.group(2) != null) {
            l = Integer.parseInt(m.group(2));
            if (!letter.equals("w") && !letter.equals("b")) {
                throw unknown(name, "with a layer number, write w(l) or b(l)");
            }
        } else if (depth() == 1 && (letter.equals("w") || letter.equals("b"))) {
            l = 1;
        } else if (depth() == 2 && letter.equals("w")) {
            l = 1;
        } else if (depth() == 2 && letter.equals("u")) {
            l = 2;
        } else {
            throw unknown(name, letter.equals("b") ? "say which layer's bias, e.g. b(1)1"
                    : depth() == 2 ? "a two-layer network calls its weights w (inputs → hidden) and u (hidden → outputs)"
                    : "this network has " + depth() + " layers; name a weight w(l)ij with its layer l");
        }
        if (l < 1 || l > depth()) {
            throw unknown(name, "layers count from 1 to " + depth());
        }
        Layer layer = layer(l);
        boolean bias = letter.equals("b");
        int i, j;
        if (bias) {
            if (m.group(4) != null) {
                throw unknown(name, "a bias has one index, e.g. b(" + l + ")1");
            }
            i = 1;
            j = Integer.parseInt(m.group(3));
        } else if (m.group(4) != null) {
            i = Integer.parseInt(m.group(3));
            j = Integer.parseInt(m.group(4));
        } else if (m.group(3).length() == 2) {
            i = m.group(3).charAt(0) - '0';
            j = m.group(3).charAt(1) - '0';
        } else {
            throw unknown(name, "a weight has two indices: write them as two digits (w12) or with a comma (w12,3)");
        }
        int rows = bias ? 1 : layer.inputs();
        if (i < 1 || i > rows || j < 1 || j > layer.units()) {
            String symbol = Notation.plain(bias ? notation.bias(l, true) : notation.weight(l, true));
            throw new IllegalArgumentException("'" + name + "' lies outside " + symbol + ", which has "
                    + (bias ? layer.units() + " entries (1 to " + layer.units() + ")"
                    : layer.inputs() + " rows (i = 1 to " + layer.inputs() + ") and " + layer.units()
                    + " columns (j = 1 to " + layer.units() + ")"));
        }
        return new Parameter(l, bias, i - 1, j - 1, notation);
    }

    private IllegalArgumentException unknown(String name, String why) {
        StringBuilder have = new StringBuilder();
        for (int l = 1; l <= depth(); l++) {
            have.append(l > 1 ? ", " : "").append(Notation.plain(notation.weight(l, true))).append(" (")
                    .append(layer(l).w().shape()).append("), ").append(Notation.plain(notation.bias(l, true)))
                    .append(" (").append(layer(l).units()).append(")");
        }
        return new IllegalArgumentException("unknown parameter '" + name + "': " + why + ". This network has "
                + have + "; for example " + parameters.get(0).name() + " or "
                + parameters.get(parameters.size() - 1).name());
    }

    /** The value of the named parameter. */
    public double get(String name) {
        return get(parameter(name));
    }

    public double get(Parameter p) {
        Layer layer = layer(p.layer());
        return p.isBias() ? layer.b().get(0, p.col()) : layer.w().get(p.row(), p.col());
    }

    /** Sets the named parameter, e.g. {@code set("u21", 0.5)}. */
    public void set(String name, double value) {
        set(parameter(name), value);
    }

    public void set(Parameter p, double value) {
        Require.finite(p.name(), value);
        Layer layer = layer(p.layer());
        (p.isBias() ? layer.b() : layer.w()).set(p.isBias() ? 0 : p.row(), p.col(), value);
    }

    /** Sets every weight of layer {@code l}; {@code w} must have shape inputs × units of that layer. */
    public void setWeights(int l, double[][] w) {
        Matrix m = Matrix.of(w);
        Matrix target = layer(l).w();
        if (m.rows() != target.rows() || m.cols() != target.cols()) {
            throw new IllegalArgumentException(Notation.plain(notation.weight(l, true)) + " of layer " + l + " is "
                    + target.shape() + " (inputs × units), got " + m.shape());
        }
        target.setAll(m);
    }

    /** Sets every bias of layer {@code l}. */
    public void setBiases(int l, double... b) {
        Matrix target = layer(l).b();
        if (b.length != target.cols()) {
            throw new IllegalArgumentException(Notation.plain(notation.bias(l, true)) + " has " + target.cols()
                    + " entries, got " + b.length);
        }
        target.setAll(Matrix.row(b));
    }

    /** Runs the forward pass for one sample. */
    public ForwardPass forward(double... x) {
        return forward(Matrix.row(requireVector("x", x)));
    }

    /** Runs the forward pass for a batch, one sample per row. */
    public ForwardPass forward(Matrix x) {
        return new Backprop(this, x.rows()).forward(x);
    }

    /** The loss {@code L} for one sample. */
    public double loss(double[] x, double[] t) {
        return gradients(x, t).loss();
    }

    /** The loss of a batch, the mean of its samples' losses. */
    public double loss(Matrix x, Matrix t) {
        return new Backprop(this, x.rows()).loss(x, t);
    }

    /** Backpropagation for one sample: the deltas and every gradient. */
    public Gradients gradients(double[] x, double[] t) {
        return gradients(Matrix.row(requireVector("x", x)), Matrix.row(requireVector("t", t)));
    }

    /** Backpropagation for a batch: gradients of the mean loss. */
    public Gradients gradients(Matrix x, Matrix t) {
        if (x.rows() != t.rows()) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows (samples) but t has " + t.rows());
        }
        return new Backprop(this, x.rows()).gradients(x, t);
    }

    void checkInput(Matrix x) {
        Require.columns("x", x, inputs(), "the network takes");
        Require.finite("x", x);
    }

    void checkTarget(Matrix t) {
        Require.columns("t", t, outputs(), "the network gives");
        Require.finite("t", t);
    }

    int checkLayer(int l) {
        if (l < 1 || l > depth()) {
            throw new IllegalArgumentException("layer " + l + " does not exist: layers count from 1 to " + depth());
        }
        return l;
    }

    private static double[] requireVector(String name, double[] v) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(name + " is empty; give one value per unit");
        }
        Require.finite(name, v);
        return v;
    }

    /** E.g. {@code 2-3-2 network, σ hidden, σ output, L2 loss, 17 parameters}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(inputs());
        for (Layer layer : layers) {
            s.append('-').append(layer.units());
        }
        Activation out = layers.get(layers.size() - 1).activation();
        s.append(" network, ");
        if (depth() > 1) {
            s.append(layers.get(0).activation().symbol()).append(" hidden, ");
        }
        return s.append(out.symbol()).append(" output, ").append(loss.title()).append(" loss, ")
                .append(parameters.size()).append(" parameters").toString();
    }
}

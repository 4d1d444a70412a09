package org.backpropkit.core;

/**
 * How far the outputs {@code y} are from the targets {@code t}, for one sample, summed over the
 * outputs. (A batch's loss is the mean of its samples' losses; {@link Backprop}, which holds the
 * batch, divides by its size.)
 *
 * <p>Each constant keeps the loss and its derivative {@code ∂L/∂y_j} together. Two pairs of loss and
 * output activation are <em>fused</em>, as every library does, because the product
 * {@code ∂L/∂y_j · f'(a_j)} simplifies and stays accurate where {@code y} saturates:
 * {@link #BINARY_CROSS_ENTROPY} after a sigmoid and {@link #CROSS_ENTROPY} after a softmax both give
 * the output error {@code δ_j = ∂L/∂a_j = y_j − t_j}. {@link #fusedWith} is the one place that says
 * which pairs are fused; backpropagation and {@code Derivation} both ask it.
 */
public enum Loss {

    /** The article's loss, {@code L = ½ Σ_j (y_j − t_j)²}, with {@code ∂L/∂y_j = y_j − t_j}. */
    L2("L2") {
        @Override
        double value(double y, double t) {
            return 0.5 * (y - t) * (y - t);
        }

        @Override
        public double derivative(double y, double t) {
            return y - t;
        }

        @Override
        public String derivativeFormula(String y, String t, boolean latex) {
            return "(" + y + (latex ? " - " : " − ") + t + ")";
        }
    },

    /**
     * {@code L = −Σ_j [t_j ln y_j + (1 − t_j) ln(1 − y_j)]} for outputs in (0, 1), after a sigmoid;
     * {@code ∂L/∂y_j = (y_j − t_j) / (y_j (1 − y_j))}.
     */
    BINARY_CROSS_ENTROPY("binary cross-entropy") {
        @Override
        double value(double y, double t) {
            return -(t == 0 ? 0 : t * Math.log(y)) - (t == 1 ? 0 : (1 - t) * Math.log(1 - y));
        }

        @Override
        public double derivative(double y, double t) {
            return (y - t) / (y * (1 - y));
        }

        @Override
        public String derivativeFormula(String y, String t, boolean latex) {
            return latex ? "\\frac{" + y + " - " + t + "}{" + y + "(1 - " + y + ")}"
                    : "(" + y + " − " + t + ") / (" + y + "(1 − " + y + "))";
        }

        /** Each target is the probability of class 1, so it lies in [0, 1] (usually it is 0 or 1). */
        @Override
        void requireTargets(Matrix t) {
            double[] ts = t.data();
            for (int k = 0; k < ts.length; k++) {
                if (!(ts[k] >= 0 && ts[k] <= 1)) {
                    throw new IllegalArgumentException("binary cross-entropy needs every target between 0 and 1 (the"
                            + " probability of class 1, usually 0 or 1); t holds " + Format.number(ts[k]) + " in "
                            + where(t, k) + ". Outside [0, 1] the loss can fall below 0 and its minimum is not at y = t");
                }
            }
        }
    },

    /**
     * Categorical cross-entropy {@code L = −Σ_j t_j ln y_j} after a softmax, for one-hot (or
     * probability) targets; {@code ∂L/∂y_j = −t_j / y_j}, and with the softmax {@code δ_j = y_j − t_j}.
     */
    CROSS_ENTROPY("cross-entropy") {
        @Override
        double value(double y, double t) {
            return t == 0 ? 0 : -t * Math.log(y);
        }

        @Override
        public double derivative(double y, double t) {
            return -t / y;
        }

        @Override
        public String derivativeFormula(String y, String t, boolean latex) {
            return latex ? "-\\frac{" + t + "}{" + y + "}" : "−" + t + " / " + y;
        }

        /**
         * Each row of targets is a probability distribution over the classes: entries in [0, 1] that sum
         * to 1 (one-hot: a single 1). Only then is {@code δ = y − t} the gradient of softmax and cross-entropy
         * together, since the softmax outputs sum to 1 as well.
         */
        @Override
        void requireTargets(Matrix t) {
            double[] ts = t.data();
            int n = t.cols();
            for (int r = 0; r < t.rows(); r++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    double tj = ts[r * n + j];
                    if (!(tj >= 0 && tj <= 1)) {
                        throw notADistribution(t, r, "holds " + Format.number(tj) + " in column " + (j + 1));
                    }
                    sum += tj;
                }
                if (sum == 0) {
                    throw notADistribution(t, r, "is all zeros, so it names no class; a one-hot row has a single 1,"
                            + " in the column of its class");
                }
                if (Math.abs(sum - 1) > 1e-9) {
                    throw notADistribution(t, r, "sums to " + Format.number(sum));
                }
            }
        }

        private IllegalArgumentException notADistribution(Matrix t, int r, String what) {
            return new IllegalArgumentException("cross-entropy needs each row of t to be a probability distribution over"
                    + " the classes (entries between 0 and 1 that sum to 1; one-hot: a single 1); row " + (r + 1)
                    + (t.cols() <= 10 ? " " + Matrix.row(t.row(r)).toString().replace("[[", "[").replace("]]", "]") : "")
                    + " " + what + " (rows counted from 1). Otherwise y − t is not the gradient and the loss can go"
                    + " below 0");
        }
    };

    private final String title;

    Loss(String title) {
        this.title = title;
    }

    /** This loss for one output value {@code y} and its target {@code t}. */
    abstract double value(double y, double t);

    /** Returns {@code ∂L/∂y_j} for one output value and its target. */
    public abstract double derivative(double y, double t);

    /** Writes {@code ∂L/∂y_j} as a formula in the given names, in plain text or LaTeX. */
    public abstract String derivativeFormula(String y, String t, boolean latex);

    /**
     * Refuses targets this loss cannot take, naming the row and the value (the kit's networks check every
     * target once, before it is used). Any finite target is fine for L2.
     */
    void requireTargets(Matrix t) {
    }

    /** Entry {@code k} of {@code t} as "row r, column c", counted from 1. */
    private static String where(Matrix t, int k) {
        return "row " + (k / t.cols() + 1) + ", column " + (k % t.cols() + 1) + " (counted from 1)";
    }

    /** Returns the loss summed over every row (sample) and output: {@code Σ_samples L}. */
    double sum(Matrix y, Matrix t) {
        double[] ys = y.data(), ts = t.data();
        double sum = 0;
        for (int k = 0; k < ys.length; k++) {
            sum += value(ys[k], ts[k]);
        }
        return sum;
    }

    /**
     * Returns true where this loss after {@code output} gives the output error {@code δ = y − t}
     * directly (binary cross-entropy after a sigmoid, cross-entropy after a softmax).
     */
    public boolean fusedWith(Activation output) {
        return (this == BINARY_CROSS_ENTROPY && output == Activation.SIGMOID)
                || (this == CROSS_ENTROPY && output == Activation.SOFTMAX);
    }

    /** Checks that this loss can follow {@code output}; the message says what would work. */
    void requireCompatible(Activation output) {
        if (this == CROSS_ENTROPY && output != Activation.SOFTMAX) {
            throw new IllegalArgumentException("cross-entropy needs a softmax output layer, got " + output
                    + "; use Activation.SOFTMAX for the output, or Loss.BINARY_CROSS_ENTROPY after a sigmoid");
        }
        if (output == Activation.SOFTMAX && this != CROSS_ENTROPY) {
            throw new IllegalArgumentException("a softmax output goes with Loss.CROSS_ENTROPY, got " + this);
        }
        if (this == BINARY_CROSS_ENTROPY && output != Activation.SIGMOID) {
            throw new IllegalArgumentException("binary cross-entropy needs outputs in (0, 1): use a SIGMOID "
                    + "output layer, got " + output);
        }
    }

    /** Returns the loss's name as a learner reads it, e.g. "cross-entropy". */
    public String title() {
        return title;
    }
}

package org.backpropkit.core;

/**
 * The non-linearity a layer applies to its linear combination: {@code h = f(a)}.
 *
 * <p>Each constant keeps a function and its derivative side by side, and these are the only places
 * the kit computes them ({@link Layer} applies them to its units, {@link Backprop}'s output error
 * uses the output layer's {@code f'}). The derivative is written, where
 * the function allows, in terms of the output {@code h}, as the article does for the sigmoid:
 * {@code σ'(a) = σ(a)(1 − σ(a)) = h(1 − h)}.
 *
 * <p>{@link #SOFTMAX} mixes all units of a row, so it has no per-unit derivative; it is only
 * allowed on the output layer together with {@link Loss#CROSS_ENTROPY}, where the two fold into
 * {@code δ = y − t}.
 */
public enum Activation {

    /** {@code σ(a) = 1 / (1 + e^(−a))}, {@code σ'(a) = h(1 − h)}. */
    SIGMOID("σ") {
        @Override
        public double apply(double a) {
            return 1 / (1 + Math.exp(-a));
        }

        @Override
        public double derivative(double a, double h) {
            return h * (1 - h);
        }

        @Override
        public String derivativeFormula(String h, String a, boolean latex) {
            return h + "(1" + minus(latex) + h + ")";
        }
    },

    /**
     * {@code tanh(a)}, {@code tanh'(a) = 1 − h²}. Computed by {@link StrictMath#tanh}, whose result Java
     * specifies bit for bit: HotSpot's {@code Math.tanh} became a faster intrinsic in JDK 24 that differs
     * in the last bit on a few percent of inputs, and a tanh network would no longer give the same
     * numbers on JDK 17 and 25. (On JDK 17 both give the same bits.)
     */
    TANH("tanh") {
        @Override
        public double apply(double a) {
            return StrictMath.tanh(a);
        }

        @Override
        public double derivative(double a, double h) {
            return 1 - h * h;
        }

        @Override
        public String derivativeFormula(String h, String a, boolean latex) {
            return latex ? "1 - " + h + "^2" : "1 − " + h + "²";
        }
    },

    /** {@code ReLU(a) = max(0, a)}, derivative 1 where {@code a > 0}, else 0 (0 at the kink). */
    RELU("ReLU") {
        @Override
        public double apply(double a) {
            return a > 0 ? a : 0;
        }

        @Override
        public double derivative(double a, double h) {
            return a > 0 ? 1 : 0;
        }

        @Override
        public String derivativeFormula(String h, String a, boolean latex) {
            return "[" + a + " > 0]";
        }
    },

    /** {@code f(a) = a}, {@code f'(a) = 1}: a linear output for regression. */
    IDENTITY("id") {
        @Override
        public double apply(double a) {
            return a;
        }

        @Override
        public double derivative(double a, double h) {
            return 1;
        }

        @Override
        public String derivativeFormula(String h, String a, boolean latex) {
            return "1";
        }
    },

    /** {@code y_j = e^(a_j) / Σ_k e^(a_k)}, output layer only, with {@link Loss#CROSS_ENTROPY}. */
    SOFTMAX("softmax") {
        @Override
        public double apply(double a) {
            throw new UnsupportedOperationException("softmax acts on a whole row of units, not on one value");
        }

        @Override
        public double derivative(double a, double h) {
            throw new UnsupportedOperationException(
                    "softmax has no per-unit derivative; with cross-entropy the output error is y − t");
        }

        @Override
        public String derivativeFormula(String h, String a, boolean latex) {
            throw new UnsupportedOperationException("softmax has no per-unit derivative");
        }

        @Override
        void applyInto(Matrix a, Matrix h, int from, int to) {
            double[] in = a.data(), out = h.data();
            int n = a.cols();
            for (int r = from; r < to; r++) {
                int start = r * n;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    max = Math.max(max, in[start + j]);
                }
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    out[start + j] = Math.exp(in[start + j] - max); // shifted by the max: no overflow
                    sum += out[start + j];
                }
                for (int j = 0; j < n; j++) {
                    out[start + j] /= sum;
                }
            }
        }
    };

    private final String symbol;

    Activation(String symbol) {
        this.symbol = symbol;
    }

    /** Returns {@code f(a)}. */
    public abstract double apply(double a);

    /**
     * True when {@code f} has a kink, a point where its slope jumps: ReLU at {@code a = 0}. A central
     * difference whose two points lie on both sides of it measures neither side's slope (the gradient
     * check watches for that). The smooth functions return false.
     */
    public boolean hasKink() {
        return this == RELU;
    }

    /** Returns {@code f'(a)}, given both the input {@code a} and the output {@code h = f(a)}. */
    public abstract double derivative(double a, double h);

    /** Returns the function's symbol, e.g. {@code σ}. */
    public String symbol() {
        return symbol;
    }

    /**
     * Writes the derivative as a formula in the given names, e.g. {@code h₁(1 − h₁)} for the
     * sigmoid, in plain text or LaTeX.
     */
    public abstract String derivativeFormula(String h, String a, boolean latex);

    /** {@code h = f(a)} for every entry of the rows {@code from … to − 1}; {@code h} may be a reused buffer. */
    void applyInto(Matrix a, Matrix h, int from, int to) {
        double[] in = a.data(), out = h.data();
        for (int k = from * a.cols(), end = to * a.cols(); k < end; k++) {
            out[k] = apply(in[k]);
        }
    }

    private static String minus(boolean latex) {
        return latex ? " - " : " − ";
    }
}

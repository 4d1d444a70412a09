package org.backpropkit.core;

/**
 * The result of a backward pass: the loss, the error {@code δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾} of every layer, and
 * the gradient of the loss with respect to every weight and bias.
 *
 * <p>Convention: a sample's loss sums over the outputs; a batch's loss is the mean over its samples,
 * so every gradient here is the mean of the per-sample gradients, and each row of {@code δ} carries
 * the factor {@code 1/n} of that mean (for a single sample, {@code n = 1} and {@code δ} is the
 * article's {@code δ}).
 *
 * <p>Gradients made by {@link Network#gradients} are the caller's; those made by a {@link Backprop}
 * workspace share its buffers and change with its next run.
 */
public final class Gradients implements RichText {

    private final Network network;
    private final ForwardPass forward;
    private final Matrix[] delta;
    private final Matrix[] dw;
    private final Matrix[] db;
    private double loss;

    Gradients(Network network, ForwardPass forward, Matrix[] delta, Matrix[] dw, Matrix[] db) {
        this.network = network;
        this.forward = forward;
        this.delta = delta;
        this.dw = dw;
        this.db = db;
    }

    void setLoss(double loss) {
        this.loss = loss;
    }

    /** The loss {@code L} at the current weights (the batch mean). */
    public double loss() {
        return loss;
    }

    /** The forward pass these gradients were computed from. */
    public ForwardPass forward() {
        return forward;
    }

    /** {@code ∂L/∂θ} for the parameter with this name, e.g. {@code "u21"}, {@code "b(1)3"}. */
    public double of(String name) {
        return of(network.parameter(name));
    }

    /** {@code ∂L/∂θ} for parameter {@code p}. */
    public double of(Parameter p) {
        Require.notNull("the parameter p", p);
        return p.isBias() ? db[p.layer()].get(0, p.col()) : dw[p.layer()].get(p.row(), p.col());
    }

    /** {@code ∇w⁽ˡ⁾}, the gradient of layer {@code l}'s weights ({@code h⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾}). */
    public Matrix w(int l) {
        return dw[Require.layer(l, network.depth())];
    }

    /** {@code ∇b⁽ˡ⁾}, the gradient of layer {@code l}'s biases (δ⁽ˡ⁾ summed over the batch). */
    public Matrix b(int l) {
        return db[Require.layer(l, network.depth())];
    }

    /** {@code δ⁽ˡ⁾ = ∂L/∂a⁽ˡ⁾}, one row per sample. */
    public Matrix delta(int l) {
        return delta[Require.layer(l, network.depth())];
    }

    /** The size of layer {@code l}'s weight gradient, {@code ‖∇w⁽ˡ⁾‖}: it shrinks layer by layer when gradients vanish. */
    public double norm(int l) {
        return w(l).norm();
    }

    /** Lists {@code ∂L/∂θ} for every parameter, in {@link Network#parameters()} order. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("L = " + Format.number(loss) + "\n");
        for (Parameter p : network.parameters()) {
            s.append("∂L/∂").append(p.symbol()).append(" = ").append(Format.number(of(p))).append('\n');
        }
        return s.toString();
    }

    /** The same list as a Markdown table with LaTeX names. */
    @Override
    public String toMarkdown() {
        StringBuilder s = new StringBuilder("$L = " + Format.number(loss) + "$\n\n| parameter | gradient |\n|---|---|\n");
        for (Parameter p : network.parameters()) {
            s.append("| $").append(p.latex()).append("$ | $\\partial L / \\partial ").append(p.latex())
                    .append(" = ").append(Format.number(of(p))).append("$ |\n");
        }
        return s.toString();
    }
}

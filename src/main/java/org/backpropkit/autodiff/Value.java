package org.backpropkit.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.backpropkit.core.Format;

/**
 * A number that remembers how it was computed, so that {@link #backward()} can find the
 * derivative of a final result {@code L} with respect to it: reverse-mode automatic
 * differentiation for scalars, in the manner of Karpathy's micrograd.
 *
 * <pre>{@code
 * Value a = Value.of(2, "a"), b = Value.of(-3, "b");
 * Value L = a.mul(b).add(a.tanh());        // L = a·b + tanh(a)
 * L.backward();
 * a.grad();                                 // ∂L/∂a = b + (1 − tanh²a) = −2.92935
 * }</pre>
 *
 * <p>Each operation computes its result and, right beside it, the <em>local rule</em> that sends
 * the result's gradient back to its inputs: for {@code out = f(v₁, …, vₙ)} the rule adds
 * {@code ∂L/∂out · ∂out/∂vᵢ} to {@code vᵢ.grad} (the chain rule, one factor at a time). Adding,
 * rather than setting, is what makes a value used twice collect both contributions — the sum over
 * paths that the article writes out for a hidden unit.
 *
 * <p>The number is fixed when the value is made; only the gradient changes, and only through
 * {@link #backward()}. A value with no inputs is a <em>leaf</em>: an input, a weight, a constant.
 *
 * <p>Cost: each operation makes one object; {@code backward()} visits every value once.
 */
public final class Value {

    private static final Runnable LEAF = () -> { };

    private final double data;
    private final List<Value> inputs;
    private final String op;
    private String name;
    private double grad;
    private Runnable backward = LEAF;

    private Value(double data, String op, Value... inputs) {
        this.data = data;
        this.op = op;
        this.inputs = List.of(inputs);
    }

    /** A leaf holding {@code data}. */
    public static Value of(double data) {
        return new Value(data, "");
    }

    /** A leaf holding {@code data}, named for printing and drawing, e.g. {@code Value.of(0.1, "w₁₁")}. */
    public static Value of(double data, String name) {
        return of(data).named(name);
    }

    // ---- Operations: each forward value with its local backward rule beside it.

    /** {@code out = this + o}; {@code ∂out/∂this = 1}, {@code ∂out/∂o = 1}. */
    public Value add(Value o) {
        Value out = new Value(data + o.data, "+", this, o);
        out.backward = () -> {
            grad += out.grad;
            o.grad += out.grad;
        };
        return out;
    }

    /** {@code out = this + c} for a constant {@code c}; {@code ∂out/∂this = 1}. */
    public Value add(double c) {
        Value out = new Value(data + c, "+ " + number(c), this);
        out.backward = () -> grad += out.grad;
        return out;
    }

    /** {@code out = this − o}; {@code ∂out/∂this = 1}, {@code ∂out/∂o = −1}. */
    public Value sub(Value o) {
        Value out = new Value(data - o.data, "−", this, o);
        out.backward = () -> {
            grad += out.grad;
            o.grad -= out.grad;
        };
        return out;
    }

    /** {@code out = −this}; {@code ∂out/∂this = −1}. */
    public Value neg() {
        Value out = new Value(-data, "−", this);
        out.backward = () -> grad -= out.grad;
        return out;
    }

    /** {@code out = this · o}; {@code ∂out/∂this = o}, {@code ∂out/∂o = this}. */
    public Value mul(Value o) {
        Value out = new Value(data * o.data, "×", this, o);
        out.backward = () -> {
            grad += o.data * out.grad;
            o.grad += data * out.grad;
        };
        return out;
    }

    /** {@code out = c · this} for a constant {@code c}; {@code ∂out/∂this = c}. */
    public Value mul(double c) {
        Value out = new Value(c * data, "× " + number(c), this);
        out.backward = () -> grad += c * out.grad;
        return out;
    }

    /** {@code out = this / o}; {@code ∂out/∂this = 1/o}, {@code ∂out/∂o = −this/o²}. */
    public Value div(Value o) {
        if (o.data == 0) {
            throw new ArithmeticException("division by zero: " + describe() + " / " + o.describe());
        }
        Value out = new Value(data / o.data, "÷", this, o);
        out.backward = () -> {
            grad += out.grad / o.data;
            o.grad -= data / (o.data * o.data) * out.grad;
        };
        return out;
    }

    /** {@code out = thisᵏ} for a constant exponent {@code k}; {@code ∂out/∂this = k · thisᵏ⁻¹}. */
    public Value pow(double k) {
        Value out = new Value(Math.pow(data, k), "^" + number(k), this);
        out.backward = () -> grad += k * Math.pow(data, k - 1) * out.grad;
        return out;
    }

    /** {@code out = eᵗʰⁱˢ}; {@code ∂out/∂this = eᵗʰⁱˢ = out}. */
    public Value exp() {
        Value out = new Value(Math.exp(data), "exp", this);
        out.backward = () -> grad += out.data * out.grad;
        return out;
    }

    /** {@code out = ln this}, for {@code this > 0}; {@code ∂out/∂this = 1/this}. */
    public Value log() {
        if (!(data > 0)) {
            throw new ArithmeticException("log needs a positive number, got " + describe());
        }
        Value out = new Value(Math.log(data), "ln", this);
        out.backward = () -> grad += out.grad / data;
        return out;
    }

    /** {@code out = σ(this) = 1 / (1 + e⁻ᵗʰⁱˢ)}; {@code ∂out/∂this = out (1 − out)}. */
    public Value sigmoid() {
        Value out = new Value(1 / (1 + Math.exp(-data)), "σ", this);
        out.backward = () -> grad += out.data * (1 - out.data) * out.grad;
        return out;
    }

    /** {@code out = tanh(this)}; {@code ∂out/∂this = 1 − out²}. */
    public Value tanh() {
        Value out = new Value(Math.tanh(data), "tanh", this);
        out.backward = () -> grad += (1 - out.data * out.data) * out.grad;
        return out;
    }

    /** {@code out = max(0, this)}; {@code ∂out/∂this = 1} where {@code this > 0}, else 0 (0 at the kink). */
    public Value relu() {
        Value out = new Value(data > 0 ? data : 0, "ReLU", this);
        out.backward = () -> grad += (data > 0 ? 1 : 0) * out.grad;
        return out;
    }

    /**
     * {@code out = v₁ + v₂ + … + vₙ}, one node for a whole sum such as {@code a_j = Σ_i x_i w_ij + b_j};
     * {@code ∂out/∂vᵢ = 1} for every term (a term listed twice collects both).
     */
    public static Value sum(List<Value> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a sum needs at least one term, got none");
        }
        double total = 0;
        for (Value v : terms) {
            total += v.data;
        }
        Value out = new Value(total, "Σ", terms.toArray(new Value[0]));
        out.backward = () -> {
            for (Value v : terms) {
                v.grad += out.grad;
            }
        };
        return out;
    }

    // ---- Reverse mode

    /**
     * Computes {@code ∂this/∂v} for every value {@code v} this one was computed from, and stores it
     * in {@code v.grad()}. Gradients start from zero on every call, so calling it twice gives the same
     * numbers (PyTorch instead adds to what is there until you zero it).
     */
    public void backward() {
        List<Value> order = graph();                  // each value after its inputs; read backwards, before them
        for (Value v : order) {
            v.grad = 0;                               // gradients are sums: start them from zero
        }
        grad = 1;                                     // ∂L/∂L = 1: where the chain rule starts
        for (int k = order.size() - 1; k >= 0; k--) { // latest first, so when a value's turn comes every use
            order.get(k).backward.run();              // of it has added its share: its gradient is complete,
        }                                             // and its local rule passes it on to its inputs
    }

    /**
     * This value and every value it was computed from, each after its inputs (a topological
     * order, found by depth-first search from this value, inputs in the order they were given).
     * The same expression always gives the same order.
     */
    public List<Value> graph() {
        List<Value> order = new ArrayList<>();
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> todo = new ArrayDeque<>(List.of(this));
        Deque<Boolean> expanded = new ArrayDeque<>(List.of(false));
        while (!todo.isEmpty()) {                      // an explicit stack: deep expressions cannot overflow
            Value v = todo.pop();
            if (expanded.pop()) {
                order.add(v);                          // its inputs are all in the order already
            } else if (seen.add(v)) {
                todo.push(v);
                expanded.push(true);
                for (int k = v.inputs.size() - 1; k >= 0; k--) {
                    todo.push(v.inputs.get(k));
                    expanded.push(false);
                }
            }
        }
        return order;
    }

    // ---- Reading

    /** The number this value holds. */
    public double data() {
        return data;
    }

    /** {@code ∂L/∂this} after {@code L.backward()} for an {@code L} computed from this value; 0 before. */
    public double grad() {
        return grad;
    }

    /** The values this one was computed from, in order; empty for a leaf. */
    public List<Value> inputs() {
        return inputs;
    }

    /** The operation that made this value, e.g. {@code "×"}, {@code "σ"}, {@code "× 0.5"}; empty for a leaf. */
    public String op() {
        return op;
    }

    /** True for a value made by {@link #of}, not by an operation. */
    public boolean isLeaf() {
        return inputs.isEmpty();
    }

    /** The name given with {@link #named}, or an empty string. */
    public String name() {
        return name == null ? "" : name;
    }

    /** Gives this value a name for printing and drawing, e.g. {@code h₁}; returns this value. */
    public Value named(String name) {
        this.name = name;
        return this;
    }

    /** E.g. {@code h₁ = 0.622459 (grad −0.00786322)}, or {@code σ(…) = 0.622459 (grad …)} without a name. */
    @Override
    public String toString() {
        return describe() + " (grad " + Format.number(grad) + ")";
    }

    private String describe() {
        String label = name != null ? name : isLeaf() ? "value" : op.contains(" ") ? "(…) " + op : op + "(…)";
        return label + " = " + Format.number(data);
    }

    /** A constant as an operation's label shows it: {@code 0.5}, {@code 2}, {@code −1}. */
    private static String number(double c) {
        return Format.number(c).replace('-', '−');
    }
}

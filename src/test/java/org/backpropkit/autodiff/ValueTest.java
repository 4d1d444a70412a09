package org.backpropkit.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scalar engine against independent references: PyTorch's autograd on one expression that uses
 * every operation (src/test/python/reference/autodiff_reference.py), central differences for each
 * operation alone, and derivatives worked by hand.
 */
class ValueTest {

    @Test
    void everyOperationTogetherMatchesPyTorch() {
        Value a = Value.of(1.5, "a"), b = Value.of(-0.75, "b"), c = Value.of(2.0, "c");
        Value d = a.mul(b).add(c.pow(3));
        Value e = a.sub(b).div(c);
        Value f = d.neg().add(10).log();
        Value g = d.sigmoid().mul(2).add(e.tanh());
        Value h = g.add(-1).relu().add(b.relu());
        Value k = a.neg().mul(c).exp();
        Value L = Value.sum(List.of(d, e, f, g, h, k, a.mul(a)));
        L.backward();
        assertEquals(6.875, d.data(), 0);
        assertEquals(1.125, e.data(), 0);
        assertEquals(1.1394342831883648, f.data(), 1e-15);
        assertEquals(2.8072366081282714, g.data(), 1e-15);
        assertEquals(1.8072366081282714, h.data(), 1e-15);
        assertEquals(0.049787068367863944, k.data(), 1e-17);
        assertEquals(16.05369456781277, L.data(), 1e-14);
        assertEquals(3.2323641444269997, a.grad(), 1e-14);
        assertEquals(0.18115521544479718, b.grad(), 1e-15);
        assertEquals(7.184154593177063, c.grad(), 1e-14);
    }

    static Stream<Arguments> unary() {
        return Stream.of(
                Arguments.of("neg", (UnaryOperator<Value>) Value::neg, (DoubleUnaryOperator) v -> -v),
                Arguments.of("add 0.3", (UnaryOperator<Value>) v -> v.add(0.3), (DoubleUnaryOperator) v -> v + 0.3),
                Arguments.of("mul -2.5", (UnaryOperator<Value>) v -> v.mul(-2.5), (DoubleUnaryOperator) v -> -2.5 * v),
                Arguments.of("pow 3", (UnaryOperator<Value>) v -> v.pow(3), (DoubleUnaryOperator) v -> v * v * v),
                Arguments.of("pow -0.5", (UnaryOperator<Value>) v -> v.pow(-0.5), (DoubleUnaryOperator) v -> 1 / Math.sqrt(v)),
                Arguments.of("exp", (UnaryOperator<Value>) Value::exp, (DoubleUnaryOperator) Math::exp),
                Arguments.of("log", (UnaryOperator<Value>) Value::log, (DoubleUnaryOperator) Math::log),
                Arguments.of("sigmoid", (UnaryOperator<Value>) Value::sigmoid, (DoubleUnaryOperator) v -> 1 / (1 + Math.exp(-v))),
                Arguments.of("tanh", (UnaryOperator<Value>) Value::tanh, (DoubleUnaryOperator) Math::tanh),
                Arguments.of("relu", (UnaryOperator<Value>) Value::relu, (DoubleUnaryOperator) v -> Math.max(0, v)));
    }

    /** ∂f/∂v against the central difference (f(v + ε) − f(v − ε)) / 2ε, at points away from ReLU's kink. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unary")
    void eachUnaryOperationsGradientIsItsSlope(String name, UnaryOperator<Value> op, DoubleUnaryOperator f) {
        for (double v : new double[] {0.37, 1.9, 0.8}) {
            for (double sign : new double[] {1, -1}) {
                double at = name.startsWith("log") || name.startsWith("pow -") ? v : sign * v;
                Value x = Value.of(at);
                Value out = op.apply(x);
                out.backward();
                double eps = 1e-6;
                double slope = (f.applyAsDouble(at + eps) - f.applyAsDouble(at - eps)) / (2 * eps);
                assertEquals(f.applyAsDouble(at), out.data(), 1e-15, name + " value at " + at);
                assertEquals(slope, x.grad(), 1e-8 * Math.max(1, Math.abs(slope)), name + " gradient at " + at);
            }
        }
    }

    static Stream<Arguments> binary() {
        return Stream.of(
                Arguments.of("add", (BinaryOperator<Value>) Value::add, (DoubleBinaryOperator) (p, q) -> p + q),
                Arguments.of("sub", (BinaryOperator<Value>) Value::sub, (DoubleBinaryOperator) (p, q) -> p - q),
                Arguments.of("mul", (BinaryOperator<Value>) Value::mul, (DoubleBinaryOperator) (p, q) -> p * q),
                Arguments.of("div", (BinaryOperator<Value>) Value::div, (DoubleBinaryOperator) (p, q) -> p / q),
                Arguments.of("sum", (BinaryOperator<Value>) (p, q) -> Value.sum(List.of(p, q)),
                        (DoubleBinaryOperator) (p, q) -> p + q));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binary")
    void eachBinaryOperationsGradientsAreItsPartialSlopes(String name, BinaryOperator<Value> op, DoubleBinaryOperator f) {
        double p = 0.7, q = -1.3, eps = 1e-6;
        Value vp = Value.of(p), vq = Value.of(q);
        Value out = op.apply(vp, vq);
        out.backward();
        assertEquals(f.applyAsDouble(p, q), out.data(), 1e-15);
        assertEquals((f.applyAsDouble(p + eps, q) - f.applyAsDouble(p - eps, q)) / (2 * eps), vp.grad(), 1e-8, name + " ∂/∂p");
        assertEquals((f.applyAsDouble(p, q + eps) - f.applyAsDouble(p, q - eps)) / (2 * eps), vq.grad(), 1e-8, name + " ∂/∂q");
    }

    @Test
    void reluSendsNothingBackAtOrBelowItsKink() {
        for (double v : new double[] {0, -2}) {
            Value x = Value.of(v);
            Value out = x.relu();
            out.backward();
            assertEquals(0, out.data(), 0);
            assertEquals(0, x.grad(), 0);
        }
    }

    @Test
    void aValueUsedTwiceCollectsBothContributions() {
        Value a = Value.of(3, "a");
        Value square = a.mul(a);               // ∂(a·a)/∂a = 2a, one a from each input
        square.backward();
        assertEquals(6, a.grad(), 0);
        Value b = Value.of(-2, "b");
        Value L = b.sigmoid().mul(b.tanh()).add(b); // a diamond: b reaches L along three paths
        L.backward();
        double s = 1 / (1 + Math.exp(2)), t = Math.tanh(-2);
        assertEquals(s * (1 - s) * t + s * (1 - t * t) + 1, b.grad(), 1e-15);
    }

    @Test
    void backwardTwiceGivesTheSameGradients() {
        Value a = Value.of(0.5), b = Value.of(-1.5);
        Value L = a.mul(b).tanh().add(a);
        L.backward();
        double first = a.grad();
        L.backward();
        assertEquals(first, a.grad(), 0);
        assertEquals(1 + (1 - Math.pow(Math.tanh(-0.75), 2)) * -1.5, first, 1e-15);
    }

    @Test
    void graphListsEveryValueOnceAfterItsInputs() {
        Value a = Value.of(1, "a"), b = Value.of(2, "b");
        Value c = a.mul(b), d = c.add(a), e = d.mul(c);
        List<Value> order = e.graph();
        assertEquals(List.of(a, b, c, d, e), order);
        for (int k = 0; k < order.size(); k++) {
            for (Value in : order.get(k).inputs()) {
                assertTrue(order.indexOf(in) < k, in + " should come before " + order.get(k));
            }
        }
        assertSame(e, order.get(order.size() - 1));
    }

    @Test
    void aLongChainNeitherOverflowsTheStackNorLosesGradient() {
        Value x = Value.of(0.001, "x");
        Value v = x;
        for (int k = 0; k < 200_000; k++) {
            v = v.add(x);                      // v = 200,001·x at the end
        }
        v.backward();
        assertEquals(200_001, x.grad(), 0);
        assertEquals(200_001, v.graph().size()); // x and 200,000 sums
    }

    @Test
    void namesAndOperationsAreKept() {
        Value w = Value.of(0.1, "w₁₁");
        Value half = w.mul(0.5).named("z");
        assertEquals("w₁₁", w.name());
        assertTrue(w.isLeaf());
        assertEquals("× 0.5", half.op());
        assertEquals("^2", w.pow(2).op());
        assertEquals("+ −1", w.add(-1).op());
        assertEquals("", w.op());
        half.backward();
        assertEquals("w₁₁ = 0.1 (grad 0.5)", w.toString());
        assertEquals("z = 0.05 (grad 1)", half.toString());
        assertEquals("σ(…) = 0.524979 (grad 0)", w.sigmoid().toString());
    }

    @Test
    void badArgumentsSayWhatCame() {
        ArithmeticException log = assertThrows(ArithmeticException.class, () -> Value.of(0, "y₁").log());
        assertEquals("log needs a positive number, got y₁ = 0", log.getMessage());
        ArithmeticException div = assertThrows(ArithmeticException.class,
                () -> Value.of(1, "p").div(Value.of(2).add(-2)));
        assertEquals("division by zero: p = 1 / (…) + −2 = 0", div.getMessage());
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class, () -> Value.sum(List.of()));
        assertEquals("a sum needs at least one term, got none", sum.getMessage());
    }
}

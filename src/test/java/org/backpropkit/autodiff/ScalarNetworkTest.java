package org.backpropkit.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chain rule alone, applied to a network written in scalars, against (1) the numbers worked by
 * hand for the article's network (src/test/python/reference/article_reference.py) and (2) the kit's
 * backpropagation on seeded random networks of every depth, activation and loss.
 */
class ScalarNetworkTest {

    /** Relative agreement the lessons promise; rounding alone gives about 1e-16. */
    private static final double RELATIVE = 1e-12;

    @Test
    void articleNetworkGivesTheHandWorkedNumbers() {
        ScalarNetwork s = ScalarNetwork.of(Article.network(), Article.x(), Article.t());
        Value L = s.loss();
        L.backward();
        assertEquals(0.0924470053716236, L.data(), 1e-16);
        assertEquals(0.7525309797184193, s.y().get(0).data(), 1e-16);
        assertEquals(0.3516434198788907, s.y().get(1).data(), 1e-16);
        double[] du = {-0.02836038288388269, 0.04933611429011432, -0.028686465606525546, 0.049903372304161885,
            -0.018163582564226965, 0.031597619431855344};
        double[] dw = {-0.011407940757245006, -0.003931610706994387, 0.003972108479838467, -0.018252705211592012,
            -0.006290577131191019, 0.0063553735677415474};
        double[] db2 = {-0.04608568651567525, 0.08017129762969034};
        double[] db1 = {-0.022815881514490013, -0.007863221413988774, 0.007944216959676934};
        assertClose(du, s.nablaW(2));
        assertClose(dw, s.nablaW(1));
        assertClose(db2, s.nablaB(2));
        assertClose(db1, s.nablaB(1));
        assertEquals(du[2], s.parameter("u21").grad(), 1e-17);
        assertEquals(db1[2], s.parameter("b(1)3").grad(), 1e-17);
        assertEquals(dw[3], s.parameter("w₂₁").grad(), 1e-17);
    }

    @Test
    void articleNetworkIsFortyNineNamedValues() {
        ScalarNetwork s = ScalarNetwork.of(Article.network(), Article.x(), Article.t());
        List<Value> graph = s.loss().graph();
        // 21 leaves (x 2, t 2, w 6, b⁽¹⁾ 3, u 6, b⁽²⁾ 2); hidden: 6 ×, 3 Σ, 3 σ; output: 6 ×, 2 Σ, 2 σ;
        // loss: 2 −, 2 ^2, Σ, × 0.5
        assertEquals(49, graph.size());
        assertEquals(21, graph.stream().filter(Value::isLeaf).count());
        List<String> names = new ArrayList<>();
        for (Value v : graph) {
            if (!v.name().isEmpty()) {
                names.add(v.name());
            }
        }
        assertEquals(List.of("x₁", "w₁₁", "x₂", "w₂₁", "b⁽¹⁾₁", "a⁽¹⁾₁", "h₁", "u₁₁", "w₁₂", "w₂₂", "b⁽¹⁾₂", "a⁽¹⁾₂",
                "h₂", "u₂₁", "w₁₃", "w₂₃", "b⁽¹⁾₃", "a⁽¹⁾₃", "h₃", "u₃₁", "b⁽²⁾₁", "a⁽²⁾₁", "y₁", "t₁", "u₁₂", "u₂₂",
                "u₃₂", "b⁽²⁾₂", "a⁽²⁾₂", "y₂", "t₂", "L"), names);
        assertEquals("2-3-2 network in 49 scalar values, L = 0.092447", s.toString());
        assertEquals(17, s.parameters().size());
        assertEquals("w₁₁", s.parameters().get(0).name());
        assertEquals("b⁽²⁾₂", s.parameters().get(16).name());
    }

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        Activation[] hidden = {Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.IDENTITY};
        Object[][] outputs = {
            {Activation.SIGMOID, Loss.L2}, {Activation.TANH, Loss.L2}, {Activation.RELU, Loss.L2},
            {Activation.IDENTITY, Loss.L2}, {Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY},
            {Activation.SOFTMAX, Loss.CROSS_ENTROPY}};
        for (int depth = 1; depth <= 4; depth++) {
            for (Activation f : hidden) {
                if (depth == 1 && f != Activation.SIGMOID) {
                    continue;                  // a one-layer network has no hidden layer
                }
                for (Object[] out : outputs) {
                    cases.add(Arguments.of(depth, f, out[0], out[1], seed++));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "depth {0}, {1} hidden, {2} output, {3}, seed {4}")
    @MethodSource("networks")
    void autodiffEqualsBackpropagation(int depth, Activation hidden, Activation output, Loss loss, long seed) {
        Random random = new Random(seed);
        Network net = randomNetwork(depth, hidden, output, loss, random);
        for (int n : new int[] {1, 3}) {
            Matrix x = randomMatrix(n, net.inputs(), random);
            Matrix t = targets(n, net.outputs(), loss, random);
            ScalarNetwork s = ScalarNetwork.of(net, x, t);
            s.loss().backward();
            Gradients g = net.gradients(x, t);
            assertEquals(g.loss(), s.loss().data(), RELATIVE * Math.abs(g.loss()), "loss");
            for (int l = 1; l <= depth; l++) {
                assertRelative(g.w(l), s.nablaW(l), "∇w of layer " + l + ", batch of " + n);
                assertRelative(g.b(l), s.nablaB(l), "∇b of layer " + l + ", batch of " + n);
            }
            assertTrue(s.largestRelativeDifference(g) <= RELATIVE, "largest relative difference "
                    + s.largestRelativeDifference(g));
        }
    }

    @Test
    void aWeightChangedAfterwardsShowsUpAsADifference() {
        Network net = Article.network();
        ScalarNetwork s = ScalarNetwork.of(net, Article.x(), Article.t());
        s.loss().backward();
        net.set("w21", 0.4 + 1e-6);           // the scalar copy keeps 0.4
        double worst = s.largestRelativeDifference(net.gradients(Article.x(), Article.t()));
        assertTrue(worst > 1e-7 && worst < 1e-3, "a change of 1e-6 in one weight: " + worst);
    }

    @Test
    void gradientsAskedForBeforeBackwardOrOfAMissingLayerAreRefused() {
        ScalarNetwork s = ScalarNetwork.of(Article.network(), Article.x(), Article.t());
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> s.nablaW(1));
        assertEquals("no gradients yet: call loss().backward() first", early.getMessage());
        s.loss().backward();
        IllegalArgumentException layer = assertThrows(IllegalArgumentException.class, () -> s.nablaB(3));
        assertEquals("layer 3 does not exist: layers count from 1 to 2", layer.getMessage());
    }

    @Test
    void wrongShapesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalarNetwork.of(Article.network(), new double[] {1, 2, 3}, Article.t()));
        assertEquals("the network takes 2 inputs and gives 2 outputs, so x needs 2 columns and t 2, one row per "
                + "sample in both; got x 1×3 and t 1×2", e.getMessage());
    }

    static Network randomNetwork(int depth, Activation hidden, Activation output, Loss loss, Random random) {
        int[] sizes = new int[depth + 1];
        for (int k = 0; k <= depth; k++) {
            sizes[k] = 1 + random.nextInt(4);
        }
        if (output == Activation.SOFTMAX) {
            sizes[depth] = Math.max(2, sizes[depth]);
        }
        Network net = Network.of(sizes).hidden(hidden).output(output).loss(loss).seed(random.nextLong());
        for (int l = 1; l <= depth; l++) {   // biases away from zero too: zeros could hide a missing term
            double[] b = new double[net.layer(l).units()];
            for (int j = 0; j < b.length; j++) {
                b[j] = random.nextGaussian() * 0.5;
            }
            net.setBiases(l, b);
        }
        return net;
    }

    static Matrix randomMatrix(int rows, int cols, Random random) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return Matrix.of(v);
    }

    /** One-hot rows for cross-entropy, 0/1 or in-between for binary cross-entropy, any numbers for L2. */
    static Matrix targets(int rows, int cols, Loss loss, Random random) {
        double[][] t = new double[rows][cols];
        for (double[] row : t) {
            if (loss == Loss.CROSS_ENTROPY) {
                row[random.nextInt(cols)] = 1;
                continue;
            }
            for (int j = 0; j < cols; j++) {
                row[j] = loss == Loss.L2 ? random.nextGaussian() : random.nextBoolean() ? random.nextInt(2) : random.nextDouble();
            }
        }
        return Matrix.of(t);
    }

    private static void assertRelative(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                double e = expected.get(i, j), a = actual.get(i, j);
                assertEquals(e, a, RELATIVE * Math.max(Math.abs(e), Math.abs(a)),
                        what + " at (" + (i + 1) + ", " + (j + 1) + ")");
            }
        }
    }

    private static void assertClose(double[] expectedRowMajor, Matrix actual) {
        assertEquals(expectedRowMajor.length, actual.rows() * actual.cols());
        for (int k = 0; k < expectedRowMajor.length; k++) {
            assertEquals(expectedRowMajor[k], actual.get(k / actual.cols(), k % actual.cols()), 1e-17, "entry " + k);
        }
    }
}

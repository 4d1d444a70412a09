package org.backpropkit.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Interrupted;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backprop against central differences for every activation × loss, depths 1 to 4, several seeds. */
class GradientCheckTest {

    /** Output activation and the losses that go with it. */
    private static final Object[][] OUTPUTS = {
        {Activation.SIGMOID, Loss.L2},
        {Activation.TANH, Loss.L2},
        {Activation.IDENTITY, Loss.L2},
        {Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY},
        {Activation.SOFTMAX, Loss.CROSS_ENTROPY},
    };

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        Activation[] hidden = {Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.IDENTITY};
        for (int depth = 1; depth <= 4; depth++) {
            for (Activation f : hidden) {
                if (depth == 1 && f != Activation.SIGMOID) {
                    continue; // a one-layer net has no hidden activation
                }
                for (Object[] out : OUTPUTS) {
                    for (long seed : new long[] {1, 2, 3}) {
                        cases.add(Arguments.of(depth, f, out[0], out[1], seed));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "depth {0}, {1} hidden, {2} output, {3}, seed {4}")
    @MethodSource("networks")
    void backpropAgreesWithCentralDifferences(int depth, Activation hidden, Activation output, Loss loss, long seed) {
        int[] sizes = new int[depth + 1];
        sizes[0] = 3;
        for (int l = 1; l < depth; l++) {
            sizes[l] = 4;
        }
        sizes[depth] = 3;
        Network net = Network.of(sizes).hidden(hidden).output(output).loss(loss).seed(seed);
        Random random = new Random(seed + 100);
        Matrix x = Matrix.zeros(4, 3);
        Matrix t = Matrix.zeros(4, 3);
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < 3; i++) {
                x.set(s, i, random.nextGaussian());
            }
            if (output == Activation.SOFTMAX) {
                t.set(s, random.nextInt(3), 1);
            } else {
                for (int j = 0; j < 3; j++) {
                    t.set(s, j, output == Activation.SIGMOID ? random.nextInt(2) : random.nextGaussian());
                }
            }
        }
        for (int l = 1; l <= depth; l++) { // random biases keep ReLU away from its kink at exactly 0
            for (int j = 0; j < sizes[l]; j++) {
                net.layer(l).b().set(0, j, 0.1 * random.nextGaussian());
            }
        }
        GradientReport report = GradientCheck.run(net, x, t);
        assertEquals(net.parameters().size(), report.results().size());
        assertTrue(report.passed(), () -> report.summary() + "\n" + report);
        assertTrue(report.worst().relativeError() < GradientCheck.CORRECT, report::summary);
    }

    /**
     * The learner's case from issue 16: x = (0, 0) and fresh zero biases put every ReLU input a⁽¹⁾ exactly
     * at the kink. Moving a first-layer bias by ±ε crosses it, so the central difference is half the
     * one-sided slope: reported as a kink, with the unit, not as three wrong derivations.
     */
    @Test
    void aReluKinkIsNamedNotBlamedOnTheDerivation() {
        Network net = Network.of(2, 3, 1).hidden(Activation.RELU).seed(1);
        double[] x = {0, 0}, t = {1};
        GradientReport report = GradientCheck.run(net, x, t);
        double deltaOut = net.gradients(x, t).of("b(2)1"); // δ of the output: ∂L/∂b⁽²⁾₁
        for (int j = 1; j <= 3; j++) {
            GradientReport.Result r = report.result("b(1)" + j);
            assertEquals(Verdict.KINK, r.verdict(), r.parameter().name());
            assertEquals(0, r.analytic(), 0); // ReLU′(0) = 0 by the kit's convention
            // Left of the kink the slope is 0, right of it δ·u_j1: the central difference gives their average,
            // to O(ε) since on one side it is a one-sided difference.
            assertEquals(0.5 * deltaOut * net.get("u" + j + "1"), r.numeric(), 1e-6);
            assertEquals("a⁽¹⁾" + "₁₂₃".charAt(j - 1) + " of sample 1 (from -1e-05 to 1e-05)", r.kink().toString());
        }
        assertEquals(10, report.count(Verdict.CORRECT));
        assertEquals(0, report.count(Verdict.WRONG));
        assertFalse(report.passed(), "a kink is not a pass: nothing was checked there");
        assertTrue(report.summary().startsWith("13 parameters: 10 correct, 0 suspicious, 0 wrong, 3 at a kink;"),
                report.summary());
        assertTrue(report.kinks().startsWith("At a kink: b⁽¹⁾₁, b⁽¹⁾₂, b⁽¹⁾₃ move a ReLU's input across 0 by ±ε (e.g."
                + " a⁽¹⁾₁ of sample 1 (from -1e-05 to 1e-05)), where its slope jumps from 0 to 1"), report.summary());
        CheckFailed e = assertThrows(CheckFailed.class, () -> Check.gradients(report));
        assertTrue(e.getMessage().startsWith("✗ gradient check inconclusive, not failed: 13 parameters"), e.getMessage());
        assertFalse(e.getMessage().contains("compare that parameter's derivation"), e.getMessage());
        assertTrue(report.toString().contains("∧"), report::toString);

        // Away from the kink the same network checks out.
        assertTrue(GradientCheck.run(net, new double[] {0.3, -0.2}, t).passed());
    }

    /** A wrong formula is still wrong next to a kink, and the failure points at it, not at the kink. */
    @Test
    void aWrongGradientBesideAKinkIsStillWrong() {
        Network net = Network.of(2, 3, 1).hidden(Activation.RELU).seed(1);
        double[] x = {0, 0}, t = {1};
        var g = net.gradients(x, t);
        Parameter planted = net.parameter("b(2)1");
        GradientReport report = GradientCheck.claimed(net, x, t, p -> p.equals(planted) ? 2 * g.of(p) : g.of(p));
        assertEquals(Verdict.WRONG, report.result("b(2)1").verdict());
        assertEquals(3, report.count(Verdict.KINK));
        CheckFailed e = assertThrows(CheckFailed.class, () -> Check.gradients(report));
        assertTrue(e.getMessage().contains("At b⁽²⁾₁ the analytic gradient is"), e.getMessage());
    }

    /**
     * A 784-5000-10 network has 3,975,010 parameters: a full check is 8 million forward passes of 4 million
     * multiply-adds, about nine hours, which used to start without a word. It is refused before it starts,
     * with its cost, and the way out (a sample from every layer) takes well under a second.
     */
    @Test
    void aCheckTooLargeToFinishIsRefusedWithItsCostAndASampleIsOffered() {
        Network net = Network.of(784, 5000, 10).seed(1);
        double[] x = new double[784], t = new double[10];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 17) / 17.0;
        }
        t[3] = 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientCheck.run(net, x, t));
        assertTrue(e.getMessage().startsWith("Checking every one of the 3975010 parameters of this 784-5000-10 network"
                + " takes 7950020 forward passes (two per parameter) of 1 sample, 3.2e+13 multiply-adds: about "),
                e.getMessage());
        assertTrue(e.getMessage().contains("The kit refuses checks above 1e+10 multiply-adds (about 20 s). Check a random"
                + " sample of parameters from every layer instead, e.g. GradientCheck.sample(net, x, t, 100, 1)"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.claimed(net, x, t, p -> 0));

        GradientReport sample = GradientCheck.sample(net, x, t, 20, 1);
        assertEquals(20, sample.results().size());
        assertTrue(sample.passed(), sample::toString);
        assertTrue(sample.summary().startsWith("20 of 3975010 parameters (a random sample, seed 1): 20 correct"),
                sample.summary());
    }

    /** A sample draws from every group of parameters, in the network's order, the same for the same seed. */
    @Test
    void aSampleSpreadsOverEveryLayersWeightsAndBiases() {
        Network net = Network.of(6, 40, 30, 2).hidden(Activation.TANH).seed(4);
        double[] x = {0.3, -0.1, 0.8, 0.5, -0.6, 0.2}, t = {0.2, 0.9};
        GradientReport report = GradientCheck.sample(net, x, t, 12, 7);
        List<Parameter> checked = report.results().stream().map(GradientReport.Result::parameter).toList();
        assertEquals(12, checked.size());
        for (int l = 1; l <= 3; l++) { // 6 groups, 12 parameters: two from each of w⁽ˡ⁾ and b⁽ˡ⁾
            int layer = l;
            assertEquals(2, checked.stream().filter(p -> p.layer() == layer && !p.isBias()).count(), "w of layer " + l);
            assertEquals(2, checked.stream().filter(p -> p.layer() == layer && p.isBias()).count(), "b of layer " + l);
        }
        List<Parameter> all = net.parameters();
        for (int k = 1; k < checked.size(); k++) {
            assertTrue(all.indexOf(checked.get(k - 1)) < all.indexOf(checked.get(k)), "in the network's order");
        }
        assertEquals(checked, GradientCheck.sample(net, x, t, 12, 7).results().stream()
                .map(GradientReport.Result::parameter).toList());
        assertTrue(report.passed(), report::toString);
        assertEquals(all.size(), GradientCheck.sample(net, x, t, 1_000_000, 7).results().size()); // at most all
        // 2 biases in the output layer: what that group cannot take goes to the others.
        GradientReport wide = GradientCheck.sample(net, x, t, 30, 7);
        assertEquals(2, wide.results().stream().filter(r -> r.parameter().layer() == 3 && r.parameter().isBias()).count());
        assertEquals(30, wide.results().size());
    }

    @Test
    void relativeErrorIsScaledByTheLargerMagnitude() {
        assertEquals(0.5, GradientCheck.relativeError(1.0, 2.0), 0);
        assertEquals(0.2, GradientCheck.relativeError(-0.8, -1.0), 1e-16);
        assertEquals(2, GradientCheck.relativeError(1e-12, -1e-12), 0);
        assertEquals(0, GradientCheck.relativeError(0, 0), 0);
        assertEquals(Verdict.WRONG, Verdict.of(Double.NaN));
        assertEquals(Verdict.SUSPICIOUS, Verdict.of(1e-6));
        assertEquals(Verdict.CORRECT, Verdict.of(1e-9));
    }

    @Test
    void numericDerivativeLeavesTheParameterExactlyAsItWas() {
        Network net = Network.of(2, 3, 2).seed(5);
        double before = net.get("w12");
        Matrix x = Matrix.row(0.3, -0.7);
        Matrix t = Matrix.row(1, 0);
        double numeric = GradientCheck.slope(net, x, t, "w12");
        assertEquals(before, net.get("w12"), 0);
        assertEquals(net.gradients(x, t).of("w12"), numeric, 1e-9);
    }

    @Test
    void slopeOfOneNamedParameterTakesASampleOrABatch() {
        Network net = Article.network();
        double one = GradientCheck.slope(net, Article.x(), Article.t(), "u11");
        assertEquals(one, GradientCheck.slope(net, Matrix.row(Article.x()), Matrix.row(Article.t()), "u₁₁"), 0);
        assertEquals(net.gradients(Article.x(), Article.t()).of("u11"), one, 1e-10);
        assertEquals(0.7, net.get("u11"), 0);
        GradientReport report = GradientCheck.run(net, Article.x(), Article.t());
        assertEquals(report.result("w13"), report.result("w₁₃"));
        assertEquals(report.result("b(2)1"), report.result("b^{(2)}_{1}"));
    }

    @Test
    void claimedGradientsMustBeGiven() {
        Network net = Article.network();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.claimed(net, Article.x(), Article.t(), null));
        assertTrue(e.getMessage().contains("GradientCheck.run(net, x, t)"), e.getMessage());
    }

    /** The claimed formula interrupts its own thread at the fifth parameter: the check stops before the sixth. */
    @Test
    void anInterruptStopsTheCheckBetweenParametersWithEveryWeightAsItWas() {
        Network net = Article.network();
        double[] before = net.parameters().stream().mapToDouble(net::get).toArray();
        var backprop = net.gradients(Article.x(), Article.t());
        Parameter fifth = net.parameters().get(4);
        try {
            Interrupted e = assertThrows(Interrupted.class, () -> GradientCheck.claimed(net, Article.x(), Article.t(),
                    p -> {
                        if (p.equals(fifth)) {
                            Thread.currentThread().interrupt();
                        }
                        return backprop.of(p);
                    }));
            assertEquals("Gradient check interrupted at parameter 6 of 17 (w₂₃), after 5 were checked; every weight is"
                    + " as it was before the check.", e.getMessage());
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(before, net.parameters().stream().mapToDouble(net::get).toArray(), 0);
    }

    /** The kernel's case, from another thread; the claimed formula waits for the interrupt (on the flag, no sleep). */
    @Test
    void anInterruptFromAnotherThreadStopsTheCheck() throws InterruptedException {
        Network net = Network.of(3, 8, 8, 2).seed(9);
        double[] before = net.parameters().stream().mapToDouble(net::get).toArray();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                GradientCheck.claimed(net, new double[] {0.1, 0.2, 0.3}, new double[] {1, 0}, p -> {
                    started.countDown();
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                    }
                    return 0;
                });
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        worker.start();
        started.await();
        worker.interrupt();
        worker.join(60_000);
        assertFalse(worker.isAlive(), "the check did not stop");
        assertTrue(thrown.get() instanceof Interrupted, String.valueOf(thrown.get()));
        assertTrue(thrown.get().getMessage().startsWith("Gradient check interrupted at parameter 2 of 122"),
                thrown.get().getMessage());
        assertArrayEquals(before, net.parameters().stream().mapToDouble(net::get).toArray(), 0);
    }
}

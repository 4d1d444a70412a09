package org.backpropkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backpropkit.check.GradientCheck;
import org.backpropkit.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gets an IllegalArgumentException that names what was expected and what came. */
class ErrorMessagesTest {

    private final Network net = Article.network();

    private static void fails(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void inputOfTheWrongLength() {
        fails("x has 3 values, the network takes 2", () -> net.forward(1, 2, 3));
    }

    @Test
    void targetOfTheWrongLength() {
        fails("t has 1 value, the network gives 2", () -> net.gradients(new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void batchesOfDifferentSizes() {
        fails("x has 2 rows (samples) but t has 1",
                () -> net.gradients(Matrix.of(new double[] {1, 2}, new double[] {3, 4}), Matrix.row(1, 0)));
    }

    @Test
    void notANumberInTheInput() {
        fails("x holds NaN in entry 2 (counted from 1, as in x₁); the kit needs finite numbers", () -> net.forward(0.5, Double.NaN));
    }

    @Test
    void notANumberInABatch() {
        fails("x holds NaN in row 2, column 1 (counted from 1); the kit needs finite numbers",
                () -> net.forward(Matrix.of(new double[] {1, 2}, new double[] {Double.NaN, 0})));
    }

    @Test
    void unknownParameterName() {
        fails("unknown parameter 'v11': a two-layer network calls its weights w (inputs → hidden) and u (hidden → outputs)."
                + " This network has w (2×3), b(1) (3), u (3×2), b(2) (2); for example w11 or b(2)2", () -> net.get("v11"));
        fails("unknown parameter 'u11': this network has 3 layers; name a weight w(l)ij with its layer l."
                + " This network has w(1) (2×3), b(1) (3), w(2) (3×3), b(2) (3), w(3) (3×2), b(3) (2); for example"
                + " w(1)11 or b(3)2", () -> Network.of(2, 3, 3, 2).seed(1).get("u11"));
        fails("'u41' lies outside u, which has 3 rows (i = 1 to 3) and 2 columns (j = 1 to 2)", () -> net.get("u41"));
    }

    /** Numbers too large for an int are read as the kit's names, not as Java's NumberFormatException. */
    @Test
    void indicesTooLargeForAnInt() {
        fails("unknown parameter 'w(99999999999)11': layers count from 1 to 2. This network has w (2×3), b(1) (3),"
                + " u (3×2), b(2) (2); for example w11 or b(2)2", () -> net.parameter("w(99999999999)11"));
        fails("'b(1)99999999999' lies outside b(1), which has 3 entries (1 to 3)", () -> net.get("b(1)99999999999"));
        fails("'u1,99999999999' lies outside u, which has 3 rows (i = 1 to 3) and 2 columns (j = 1 to 2)",
                () -> net.get("u1,99999999999"));
        fails("no value named 'h99999999999' in this forward pass; names look like x1, a(1)1, y1",
                () -> net.forward(Article.x()).value("h99999999999"));
        assertEquals(net.parameter("u21"), net.parameter("u02,01")); // leading zeros are still numbers
    }

    @Test
    void weightsOfTheWrongShape() {
        fails("u of layer 2 is 3×2 (inputs × units), got 2×3",
                () -> net.setWeights(2, new double[][] {{1, 2, 3}, {4, 5, 6}}));
        fails("b(1) has 3 entries, got 2", () -> net.setBiases(1, 0.1, 0.2));
        fails("u21 must be a finite number, got Infinity",
                () -> net.set("u21", Double.POSITIVE_INFINITY));
    }

    /** NaN or infinity cannot enter a network through any setter, nor be used when written into a layer directly. */
    @Test
    void weightsThatAreNotNumbers() {
        fails("setWeights(1, …) would set w12 (w₁₂) to NaN; every weight and bias must be a finite number",
                () -> net.setWeights(1, new double[][] {{0.1, Double.NaN, 0.3}, {0.4, 0.5, -0.6}}));
        fails("setBiases(2, …) would set b(2)2 (b⁽²⁾₂) to -Infinity; every weight and bias must be a finite number",
                () -> net.setBiases(2, 0.2, Double.NEGATIVE_INFINITY));
        fails("w11 must be a finite number, got NaN", () -> net.set("w11", Double.NaN));
        assertEquals(Article.network().get("w12"), net.get("w12"), 0); // nothing was half set
        net.layer(2).w().set(2, 1, Double.NaN); // past every setter, straight into u's storage
        String refused = "u32 (u₃₂) is NaN in this network; every weight and bias must be a finite number (the setters"
                + " refuse NaN and infinity: was a layer's matrix changed directly?)";
        fails(refused, () -> net.forward(Article.x()));
        fails(refused, () -> net.loss(Article.x(), Article.t()));
        fails(refused, () -> net.gradients(Article.x(), Article.t()));
        fails(refused, () -> Trainer.sgd(0.5).train(net, Article.x(), Article.t()));
    }

    /** Targets a loss cannot take are refused at the door, by row and value, before they make the loss negative. */
    @Test
    void targetsThatAreNotWhatTheLossExpects() {
        Network softmax = Network.of(2, 2).loss(Loss.CROSS_ENTROPY).seed(1);
        String distribution = "cross-entropy needs each row of t to be a probability distribution over the classes"
                + " (entries between 0 and 1 that sum to 1; one-hot: a single 1); row ";
        String otherwise = " (rows counted from 1). Otherwise y − t is not the gradient and the loss can go below 0";
        fails(distribution + "1 [1, 1] sums to 2" + otherwise,
                () -> softmax.gradients(new double[] {1, 2}, new double[] {1, 1}));
        fails(distribution + "2 [0, 0] is all zeros, so it names no class; a one-hot row has a single 1, in the column"
                + " of its class" + otherwise,
                () -> softmax.loss(Matrix.of(new double[] {1, 2}, new double[] {3, 4}),
                        Matrix.of(new double[] {0, 1}, new double[] {0, 0})));
        fails(distribution + "1 [1.5, -0.5] holds 1.5 in column 1" + otherwise,
                () -> Trainer.sgd(0.1).train(softmax, new double[] {1, 2}, new double[] {1.5, -0.5}));
        softmax.gradients(new double[] {1, 2}, new double[] {0.1 + 0.2, 0.7}); // 0.30000000000000004 + 0.7: a distribution

        Network sigmoid = Network.of(2, 1).loss(Loss.BINARY_CROSS_ENTROPY).seed(1);
        fails("binary cross-entropy needs every target between 0 and 1 (the probability of class 1, usually 0 or 1); t"
                + " holds 2 in row 1, column 1 (counted from 1). Outside [0, 1] the loss can fall below 0 and its minimum"
                + " is not at y = t", () -> sigmoid.gradients(new double[] {1, 2}, new double[] {2}));
        fails("binary cross-entropy needs every target between 0 and 1 (the probability of class 1, usually 0 or 1); t"
                + " holds -1 in row 2, column 1 (counted from 1). Outside [0, 1] the loss can fall below 0 and its minimum"
                + " is not at y = t", () -> GradientCheck.run(sigmoid, Matrix.of(new double[] {1, 2}, new double[] {3, 4}),
                        Matrix.of(new double[] {1}, new double[] {-1})));
        Network.of(2, 1).loss(Loss.L2).seed(1).gradients(new double[] {1, 2}, new double[] {7}); // L2 takes any target
    }

    /** Sizes whose products overflow an int, or exceed memory, are refused before anything is allocated. */
    @Test
    void sizesTooLargeForJava() {
        fails("layer 1 joins 50000 inputs to 50000 units: 2500000000 weights, more than one Java array holds"
                + " (2147483639); make the layers narrower", () -> Network.of(50000, 50000));
        fails("layer 2 joins 3 inputs to 2147483647 units: 6442450941 weights, more than one Java array holds"
                + " (2147483639); make the layers narrower", () -> Network.of(2, 3, Integer.MAX_VALUE).seed(1));
        fails("a 50000×50000 matrix has 2500000000 entries; one Java array holds at most 2147483639 (and it would"
                + " need 20.0 GB of memory)", () -> Matrix.zeros(50000, 50000));
        int[] huge = new int[31];
        java.util.Arrays.fill(huge, 40000); // 30 layers of 1.6 billion weights: 384 GB, more than any test JVM has
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.of(huge).seed(1));
        assertTrue(e.getMessage().startsWith("a 40000-40000-"), e.getMessage());
        assertTrue(e.getMessage().contains(" network has 48001200000 parameters, 384.0 GB as doubles, more than the "),
                e.getMessage());
    }

    @Test
    void impossibleArchitectures() {
        fails("a network needs at least 2 sizes (inputs and outputs), got 1", () -> Network.of(2));
        fails("layer sizes must be positive, got 0 at position 2 of [2, 0, 1]", () -> Network.of(2, 0, 1));
        fails("softmax belongs on the output layer, not on hidden layers",
                () -> Network.of(2, 3, 2).hidden(Activation.SOFTMAX));
    }

    @Test
    void lossThatDoesNotFitTheOutput() {
        fails("cross-entropy needs a softmax output layer, got SIGMOID; use Activation.SOFTMAX for the output, or Loss.BINARY_CROSS_ENTROPY after a sigmoid",
                () -> Network.of(2, 3, 2).output(Activation.SIGMOID).loss(Loss.CROSS_ENTROPY).seed(1));
    }

    @Test
    void trainingSettings() {
        fails("learning rate η must be a positive number, got -0.1", () -> Trainer.sgd(-0.1));
        fails("momentum μ must lie in [0, 1), got 1.5", () -> Trainer.sgd(0.1).momentum(1.5));
    }
}

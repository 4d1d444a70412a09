package org.backpropkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The article's 2-3-2 network with round weights, against numbers computed independently by
 * src/test/python/reference/article_reference.py (plain Python, cross-checked with PyTorch autograd).
 */
class ArticleNetworkTest {

    private static final double TOL = 1e-12;

    private final Network net = Article.network();
    private final double[] x = Article.x();
    private final double[] t = Article.t();

    @Test
    void forwardPassKeepsEveryIntermediateValue() {
        ForwardPass pass = net.forward(x);
        assertRow(new double[] {0.4700000000000001, 0.5, -0.42999999999999994}, pass.a(1));
        assertRow(new double[] {0.6153837563911821, 0.6224593312018546, 0.3941263315682394}, pass.h(1));
        assertRow(new double[] {1.1121567612418486, -0.6118231725222885}, pass.a(2));
        assertRow(new double[] {0.7525309797184193, 0.3516434198788907}, pass.y());
        assertEquals(0.6224593312018546, pass.value("h2"), TOL);
        assertEquals(0.3516434198788907, pass.value("y2"), TOL);
        assertEquals(-0.6118231725222885, pass.value("a(2)2"), TOL);
    }

    @Test
    void lossIsHalfTheSquaredError() {
        assertEquals(0.0924470053716236, net.loss(x, t), TOL);
    }

    @Test
    void outputLayerGradientsAreDeltaTimesH() {
        Gradients g = net.gradients(x, t);
        assertRow(new double[] {-0.04608568651567525, 0.08017129762969034}, g.delta(2));
        double[] du = {-0.02836038288388269, 0.04933611429011432, -0.028686465606525546, 0.049903372304161885,
            -0.018163582564226965, 0.031597619431855344};
        assertMatrix(du, g.w(2));
        assertRow(new double[] {-0.04608568651567525, 0.08017129762969034}, g.b(2));
        assertEquals(du[0], g.of("u11"), TOL);
        assertEquals(du[5], g.of("u32"), TOL);
        assertEquals(0.08017129762969034, g.of("b(2)2"), TOL);
    }

    @Test
    void hiddenLayerGradientsSumOverBothOutputs() {
        Gradients g = net.gradients(x, t);
        double[] delta1 = {-0.022815881514490013, -0.007863221413988774, 0.007944216959676934};
        assertRow(delta1, g.delta(1));
        double[] dw = {-0.011407940757245006, -0.003931610706994387, 0.003972108479838467, -0.018252705211592012,
            -0.006290577131191019, 0.0063553735677415474};
        assertMatrix(dw, g.w(1));
        assertRow(delta1, g.b(1));
        assertEquals(dw[3], g.of("w21"), TOL);
        assertEquals(delta1[2], g.of("b(1)3"), TOL);
        assertEquals(0.0924470053716236, g.loss(), TOL);
    }

    @Test
    void seventeenParametersInTheArticlesOrder() {
        assertEquals(17, net.parameters().size());
        assertEquals("w11", net.parameters().get(0).name());
        assertEquals("u₂₁", net.parameter("u21").symbol());
        assertEquals("2-3-2 network, σ hidden, σ output, L2 loss, 17 parameters", net.toString());
    }

    @Test
    void shapeListsTheSizesInputsFirst() {
        assertEquals("2-3-2", net.shape());
        assertEquals("64-32-10", Network.of(64, 32, 10).seed(0).shape());
        assertEquals("4-3-5-3-2", Network.of(4, 3, 5, 3, 2).seed(0).shape());
    }

    static void assertRow(double[] expected, Matrix actual) {
        assertEquals(1, actual.rows(), "rows of " + actual.shape());
        assertMatrix(expected, actual);
    }

    static void assertMatrix(double[] expectedRowMajor, Matrix actual) {
        assertEquals(expectedRowMajor.length, actual.rows() * actual.cols(), "size of " + actual.shape());
        for (int k = 0; k < expectedRowMajor.length; k++) {
            int i = k / actual.cols();
            int j = k % actual.cols();
            assertEquals(expectedRowMajor[k], actual.get(i, j), TOL, "entry (" + i + ", " + j + ")");
        }
    }
}

package org.backpropkit.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.junit.jupiter.api.Test;

/** A derivation's product of factors is the gradient backprop computes, for every parameter. */
class DerivationTest {

    private final double[] x = Article.x();
    private final double[] t = Article.t();

    @Test
    void everyParameterOfEveryShapeDerivesToTheBackpropGradient() {
        List<Network> nets = List.of(Article.network(),
                Network.of(2, 3, 3, 2).seed(3),
                Network.of(2, 4, 3, 3, 2).hidden(Activation.TANH).seed(4),
                Network.of(2, 3, 2).hidden(Activation.RELU).output(Activation.SOFTMAX).loss(Loss.CROSS_ENTROPY).seed(5),
                Network.of(2, 2).loss(Loss.BINARY_CROSS_ENTROPY).seed(6));
        for (Network net : nets) {
            Gradients g = net.gradients(x, t);
            for (Parameter p : net.parameters()) {
                Derivation d = Derivation.of(net, x, t, p);
                assertEquals(g.of(p), d.value(), 1e-15, net + ": " + p.name());
                double product = d.factors().stream().mapToDouble(Derivation.Factor::value).reduce(1, (a, b) -> a * b);
                assertEquals(g.of(p), product, 1e-15, "product of the factors of " + p.name());
            }
        }
    }

    @Test
    void outputWeightFollowsTheArticlesThreeFactors() {
        Derivation d = Derivation.of(Article.network(), x, t, "u11");
        assertEquals(3, d.factors().size());
        assertEquals(-0.24746902028158072, d.factors().get(0).value(), 1e-15); // y₁ − t₁
        assertEquals(0.7525309797184193 * (1 - 0.7525309797184193), d.factors().get(1).value(), 1e-15);
        assertEquals(0.6153837563911821, d.factors().get(2).value(), 1e-15); // h₁
        assertTrue(d.sum().isEmpty());
        assertEquals("""
                ∂L/∂u₁₁ = ∂L/∂y₁ · ∂y₁/∂a⁽²⁾₁ · ∂a⁽²⁾₁/∂u₁₁
                    = (y₁ − t₁) · y₁(1 − y₁) · h₁
                    = (-0.247469) · 0.186228 · 0.615384
                    = -0.0283604""", d.toString());
    }

    @Test
    void hiddenWeightListsOneTermPerOutput() {
        Derivation d = Derivation.of(Article.network(), x, t, "w21");
        assertEquals(2, d.sum().size());
        assertEquals(-0.09639701866472496, d.factors().get(0).value(), 1e-15); // ∂L/∂h₁ from the reference
        assertEquals(0.8, d.factors().get(2).value(), 0); // x₂
        String text = d.toString();
        assertTrue(text.contains("∂L/∂h₁ = ∂L/∂y₁ · ∂y₁/∂a⁽²⁾₁ · ∂a⁽²⁾₁/∂h₁ + ∂L/∂y₂ · ∂y₂/∂a⁽²⁾₂ · ∂a⁽²⁾₂/∂h₁"), text);
        assertTrue(text.contains("(y₁ − t₁) · y₁(1 − y₁) · u₁₁ + (y₂ − t₂) · y₂(1 − y₂) · u₁₂"), text);
        String latex = d.toLatex();
        assertTrue(latex.startsWith("\\begin{aligned}") && latex.endsWith("\\end{aligned}"), latex);
        assertTrue(latex.contains("\\frac{\\partial L}{\\partial w_{21}}"), latex);
        assertTrue(d.toMarkdown().startsWith("$$\n\\begin{aligned}"));
    }
}

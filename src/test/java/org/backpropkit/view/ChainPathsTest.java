package org.backpropkit.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.backpropkit.view.ChainPaths.Edge;
import org.backpropkit.view.ChainPaths.Unit;
import org.junit.jupiter.api.Test;

/**
 * The chain rule's paths for a parameter: exactly the edges the rule multiplies along, checked against
 * a closed form written here (not the search ChainPaths does), and the path products adding up to the
 * gradient that backpropagation and a central difference give.
 */
class ChainPathsTest {

    private static final double[] X = Article.x();
    private static final double[] T = Article.t();

    private static List<Network> nets() {
        return List.of(Article.network(),
                Network.of(2, 3, 3, 2).seed(3),
                Network.of(2, 4, 3, 3, 2).hidden(Activation.TANH).seed(4),
                Network.of(2, 3, 2).hidden(Activation.RELU).loss(Loss.CROSS_ENTROPY).seed(5),
                Network.of(2, 2).seed(6));
    }

    @Test
    void w11OfTheArticleRunsThroughH1ToBothOutputs() {
        ChainPaths paths = ChainPaths.of(Article.network(), "w11");
        // by hand: w₁₁ itself, then h₁ → y₁ (u₁₁) and h₁ → y₂ (u₁₂)
        assertEquals(Set.of(new Edge(1, 0, 0), new Edge(2, 0, 0), new Edge(2, 0, 1)), paths.edges());
        assertEquals(List.of(List.of(new Unit(1, 0), new Unit(2, 0)), List.of(new Unit(1, 0), new Unit(2, 1))),
                paths.paths());
        assertEquals("w₁₁ → h₁ → y₁\nw₁₁ → h₁ → y₂", paths.toString());
    }

    @Test
    void anOutputWeightHasOnePathAndABiasNoEdgeOfItsOwn() {
        assertEquals(Set.of(new Edge(2, 1, 0)), ChainPaths.of(Article.network(), "u21").edges());
        assertEquals(1, ChainPaths.of(Article.network(), "u21").count());
        assertEquals(Set.of(new Edge(2, 2, 0), new Edge(2, 2, 1)), ChainPaths.of(Article.network(), "b(1)3").edges());
    }

    /**
     * The edges of ∂L/∂θ in a dense network, in closed form: the parameter's own edge; from its unit
     * j of layer l every edge into layer l + 1; every edge of every later layer (all their units are
     * reached).
     */
    private static Set<Edge> expected(Network net, Parameter p) {
        Set<Edge> edges = new HashSet<>();
        int l = p.layer();
        if (!p.isBias()) {
            edges.add(new Edge(l, p.row(), p.col()));
        }
        for (int m = l + 1; m <= net.depth(); m++) {
            for (int a = 0; a < net.layer(m).inputs(); a++) {
                for (int b = 0; b < net.layer(m).units(); b++) {
                    if (m > l + 1 || a == p.col()) {
                        edges.add(new Edge(m, a, b));
                    }
                }
            }
        }
        return edges;
    }

    @Test
    void everyParameterOfEveryShapeHighlightsExactlyItsChainRuleEdges() {
        for (Network net : nets()) {
            for (Parameter p : net.parameters()) {
                ChainPaths paths = ChainPaths.of(net, p);
                assertEquals(expected(net, p), paths.edges(), net + ": " + p.name());
                int count = 1;
                for (int m = p.layer() + 1; m <= net.depth(); m++) {
                    count *= net.layer(m).units();
                }
                assertEquals(count, paths.count(), net + ": paths of " + p.name());
                Set<Edge> marked = new HashSet<>();
                for (Scene.Arrow arrow : NetworkPicture.of(net, X, T).highlight(p.name()).scene().arrows) {
                    if (arrow.onPath) {
                        marked.add(arrow.edge);
                    }
                }
                assertEquals(expected(net, p), marked, net + ": arrows marked for " + p.name());
            }
        }
    }

    @Test
    void thePathProductsAddUpToTheGradient() {
        for (Network net : nets()) {
            Gradients g = net.gradients(X, T);
            for (Parameter p : net.parameters()) {
                double sum = ChainPaths.of(net, p).sum(g);
                assertEquals(g.of(p), sum, 1e-15 + 1e-12 * Math.abs(g.of(p)), net + ": " + p.name());
                assertEquals(centralDifference(net, p), sum, 1e-8, net + ": numeric slope of " + p.name());
            }
        }
    }

    private static double centralDifference(Network net, Parameter p) {
        Network probe = net.copy();
        double h = 1e-5, v = probe.get(p);
        probe.set(p, v + h);
        double up = probe.loss(X, T);
        probe.set(p, v - h);
        double down = probe.loss(X, T);
        return (up - down) / (2 * h);
    }

    @Test
    void theArticlesW11PathsHaveTheArticlesFactors() {
        Network net = Article.network();
        Gradients g = net.gradients(X, T);
        ChainPaths paths = ChainPaths.of(net, "w11");
        double h1 = g.forward().value("h1");
        for (int k = 0; k < 2; k++) {
            double y = g.forward().y().get(0, k);
            double delta = (y - T[k]) * y * (1 - y);                           // (y_k − t_k) y_k (1 − y_k)
            double expected = X[0] * h1 * (1 - h1) * net.layer(2).w().get(0, k) * delta; // x₁ · h₁(1 − h₁) · u₁ₖ · δₖ
            assertEquals(expected, paths.value(paths.paths().get(k), g), 1e-16);
        }
    }
}

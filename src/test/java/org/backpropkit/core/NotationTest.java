package org.backpropkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every name the kit prints is read back by the one grammar in {@link Notation}, in every spelling. */
class NotationTest {

    private static final List<Network> NETWORKS = List.of(Article.network(), Network.of(3, 2).seed(1),
            Network.of(2, 3, 3, 2).seed(2), Network.of(12, 3, 11).seed(3), Network.of(2, 11, 4, 1).seed(4));

    @Test
    void everyParameterIsFoundByItsNameItsSymbolAndItsLatex() {
        for (Network net : NETWORKS) {
            for (Parameter p : net.parameters()) {
                assertEquals(p, net.parameter(p.name()), net + ": " + p.name());
                assertEquals(p, net.parameter(p.symbol()), net + ": " + p.symbol());
                assertEquals(p, net.parameter(p.latex()), net + ": " + p.latex());
                assertEquals(p, net.notation().parameter(p.name()));
            }
        }
    }

    @Test
    void namesAreTheArticlesInEachShape() {
        assertEquals("u21", Article.network().parameter("u₂₁").name());
        assertEquals("b⁽¹⁾₃", Article.network().parameter("b(1)3").symbol());
        assertEquals("b^{(1)}_{3}", Article.network().parameter("b(1)3").latex());
        assertEquals("w₂₁", Network.of(3, 2).seed(1).parameter("w21").symbol());
        assertEquals("b₂", Network.of(3, 2).seed(1).parameter("b2").symbol());
        assertEquals("w⁽²⁾₃₁", Network.of(2, 3, 3, 2).seed(2).parameter("w(2)31").symbol());
        Network wide = Network.of(12, 3, 11).seed(3);
        assertEquals("w12,3", wide.parameter("w[12,3]").name());
        assertEquals("w[12,3]", wide.parameter("w12,3").symbol());
        assertEquals("u3,11", wide.parameter("u₃,₁₁").name());
        assertEquals("b(2)11", wide.parameter("b(2)11").name());
    }

    @Test
    void everyValueOfAForwardPassIsFoundByItsPrintedName() {
        for (Network net : NETWORKS) {
            Notation n = net.notation();
            double[] x = new double[net.inputs()];
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.1 * (i + 1);
            }
            ForwardPass pass = net.forward(x);
            for (int l = 0; l <= net.depth(); l++) {
                for (int j = 0; j < pass.h(l).cols(); j++) {
                    double h = pass.h(l).get(0, j);
                    assertEquals(h, pass.value(Notation.indexed(n.h(l, false), false, j + 1)), 0, net + " h " + l + j);
                    assertEquals(h, pass.value(Notation.indexed(n.h(l, true), true, j + 1)), 0, net + " h " + l + j);
                    if (l > 0) {
                        double a = pass.a(l).get(0, j);
                        assertEquals(a, pass.value(Notation.indexed(n.a(l, false), false, j + 1)), 0, net + " a " + l + j);
                        assertEquals(a, pass.value(Notation.plain(Notation.indexed(n.a(l, true), true, j + 1))), 0);
                    }
                }
            }
        }
    }

    @Test
    void aValueThatIsNotThereIsNamedWithExamples() {
        ForwardPass pass = Article.network().forward(Article.x());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pass.value("h4"));
        assertEquals("no value named 'h4' in this forward pass; names look like x1, a(1)1, y1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pass.value("a1")); // which layer's a?
        assertThrows(IllegalArgumentException.class, () -> pass.value("y3"));
        assertThrows(IllegalArgumentException.class, () -> pass.value("w11"));
    }
}

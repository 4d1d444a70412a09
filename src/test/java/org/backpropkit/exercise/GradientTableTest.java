package org.backpropkit.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backpropkit.check.Verdict;
import org.backpropkit.core.Article;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Parameter;
import org.junit.jupiter.api.Test;

/** The comparison table: rows that say exact, close, ratio and verdict, per parameter and per matrix. */
class GradientTableTest {

    static Map<String, Double> byName(Network net, Gradients g) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Parameter p : net.parameters()) {
            m.put(p.name(), g.of(p));
        }
        return m;
    }

    @Test
    void backpropagationsOwnGradientsAreExactAndCorrectOnEveryRow() {
        Network net = Article.network();
        GradientTable table = GradientTable.of(net, Article.x(), Article.t(), byName(net, net.gradients(Article.x(), Article.t())));
        assertTrue(table.passed());
        assertEquals(17, table.rows().size());
        assertTrue(table.rows().stream().allMatch(GradientTable.Row::exact));
        assertTrue(table.comparison().exact());
        assertEquals(1, table.row("u21").ratio(), 1e-7, "yours ÷ slope is 1 for a right gradient");
        assertTrue(table.summary().startsWith("17 parameters (2-3-2 network, 1 sample): 17 correct, 0 suspicious, 0 wrong"),
                table.summary());
        assertTrue(table.toMarkdown().contains("| $u_{21}$ |"), table.toMarkdown());
    }

    @Test
    void aSumWhereTheMeanBelongsShowsTheBatchSizeAsTheRatio() {
        Network net = Article.network();
        Matrix x = FindTheBugsExercise.lessonX(), t = FindTheBugsExercise.lessonT();
        Map<String, Double> mine = byName(net, net.gradients(x, t));
        mine.put("b(2)1", mine.get("b(2)1") * 4);
        mine.put("u21", -mine.get("u21"));
        GradientTable table = GradientTable.of(net, x, t, mine);
        assertEquals(List.of("u21", "b(2)1"), table.wrong());
        assertEquals(4, table.row("b⁽²⁾₁").ratio(), 1e-6);
        assertEquals(-1, table.row("u21").ratio(), 1e-6);
        assertEquals(Verdict.WRONG, table.row("u21").verdict());
        assertFalse(table.row("u21").close());
        assertTrue(table.row("u11").close());
        assertFalse(table.passed());
    }

    @Test
    void perMatrixRowsCountEntriesAndVerdicts() {
        Network net = Network.of(5, 8, 4, 3).seed(4);
        Matrix x = Unseen.inputs(new java.util.Random(1), 6, 5);
        Matrix t = Unseen.targetsAwayFrom(new java.util.Random(2), net.forward(x).y());
        Gradients g = net.gradients(x, t);
        Map<String, Matrix> mine = new LinkedHashMap<>();
        for (int l = 1; l <= 3; l++) {
            mine.put("W(" + l + ")", g.w(l).copy());
            mine.put("b(" + l + ")", g.b(l).copy());
        }
        mine.get("W(2)").scale(1.5);
        GradientTable table = GradientTable.ofMatrices(net, x, t, mine);
        String text = table.toString().replaceAll(" +", " ");
        assertTrue(text.contains("∂L/∂W⁽²⁾ 8 × 4 0 of 32 0 of 32"), text);
        assertTrue(text.contains("32 ✗"), text);
        assertTrue(text.contains("∂L/∂W⁽¹⁾ 5 × 8 40 of 40 40 of 40"), text);
        assertEquals(32, table.count(Verdict.WRONG));
    }

    @Test
    void aMapWithoutEveryNameIsRefusedWithWhatIsMissing() {
        Network net = Article.network();
        Map<String, Double> mine = byName(net, net.gradients(Article.x(), Article.t()));
        mine.remove("u32");
        Answers.NotAnAnswer e = assertThrows(Answers.NotAnAnswer.class,
                () -> GradientTable.of(net, Article.x(), Article.t(), mine));
        assertTrue(e.getMessage().contains("16 of the 17 entries: none for u32"), e.getMessage());
        Map<String, Matrix> wrongShape = Map.of("W(1)", Matrix.zeros(3, 2), "b(1)", Matrix.zeros(1, 3), "W(2)", Matrix.zeros(3, 2),
                "b(2)", Matrix.zeros(1, 2));
        e = assertThrows(Answers.NotAnAnswer.class, () -> GradientTable.ofMatrices(net, Matrix.row(Article.x()),
                Matrix.row(Article.t()), wrongShape));
        assertTrue(e.getMessage().contains("your ∂L/∂W⁽¹⁾ is 3×2; it must have the shape of W⁽¹⁾, 2×3"), e.getMessage());
    }
}

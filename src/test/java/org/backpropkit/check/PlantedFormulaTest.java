package org.backpropkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backpropkit.core.Article;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Network;
import org.backpropkit.explain.GeneralRule;
import org.junit.jupiter.api.Test;

/** The article's closing formula, with its stray x_i inside δ_j, is caught; the corrected rule passes. */
class PlantedFormulaTest {

    private final Network net = Article.network();
    private final double[] x = Article.x();
    private final double[] t = Article.t();

    @Test
    void strayInputInsideDeltaIsFlaggedOnEveryHiddenWeight() {
        GradientReport report = GradientCheck.claimed(net, x, t, GeneralRule.asPrinted(net, x, t));
        assertFalse(report.passed());
        assertEquals(6, report.count(Verdict.WRONG));
        // the printed rule claims x_i times the true gradient: relative error 1 − x_i
        assertEquals(0.5, report.result("w13").relativeError(), 1e-8);
        assertEquals(0.2, report.result("w21").relativeError(), 1e-8);
        assertEquals(Verdict.CORRECT, report.result("u11").verdict());
        CheckFailed failure = assertThrows(CheckFailed.class, () -> Check.gradients(report));
        assertTrue(failure.getMessage().contains("6 wrong"), failure.getMessage());
    }

    @Test
    void correctedRulePassesAndMatchesBackprop() {
        GradientReport report = GradientCheck.claimed(net, x, t, GeneralRule.corrected(net, x, t));
        assertTrue(report.passed(), report::summary);
        assertTrue(Check.gradients(report).startsWith("✓"));
        var backprop = net.gradients(x, t);
        var rule = GeneralRule.corrected(net, x, t);
        net.parameters().forEach(p -> assertEquals(backprop.of(p), rule.applyAsDouble(p), 1e-15, p.name()));
    }

    @Test
    void ruleRefusesNetworksOutsideTheArticlesSetting() {
        Network other = Network.of(2, 3, 2).loss(Loss.BINARY_CROSS_ENTROPY).seed(1);
        var e = assertThrows(IllegalArgumentException.class, () -> GeneralRule.corrected(other, x, t));
        assertTrue(e.getMessage().contains("two sigmoid layers with L2 loss"), e.getMessage());
    }
}

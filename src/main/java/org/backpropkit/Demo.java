package org.backpropkit;

import org.backpropkit.check.GradientCheck;
import org.backpropkit.check.GradientReport;
import org.backpropkit.core.Article;
import org.backpropkit.core.Network;
import org.backpropkit.explain.Derivation;
import org.backpropkit.explain.GeneralRule;

/**
 * A two-minute tour in the terminal: the article's 2-3-2 network, one output-layer and one hidden-layer
 * derivation with every factor's value, a numeric check of all 17 gradients, and the article's closing
 * formula caught by that check. Run with {@code java -cp "target/classes:target/lib/*" org.backpropkit.Demo}.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        Network net = Article.network();
        double[] x = Article.x();
        double[] t = Article.t();

        section("The article's network: " + net);
        System.out.println("targets: t₁ = " + t[0] + "   t₂ = " + t[1]);
        System.out.println(net.forward(x));
        System.out.println("L = ½ Σ (y_k − t_k)² = " + net.loss(x, t));

        section("An output-layer weight: ∂L/∂u_ij = δ_j h_i");
        System.out.println(Derivation.of(net, x, t, "u11"));

        section("A hidden-layer weight: the sum over both outputs");
        System.out.println(Derivation.of(net, x, t, "w21"));

        section("Every gradient, checked by central differences");
        System.out.println(GradientCheck.run(net, x, t));

        section("The article's last formula, with a stray x_i inside δ_j");
        GradientReport printed = GradientCheck.claimed(net, x, t, GeneralRule.asPrinted(net, x, t));
        System.out.println(printed);
        GradientReport corrected = GradientCheck.claimed(net, x, t, GeneralRule.corrected(net, x, t));
        System.out.println("Without the stray x_i: " + corrected.summary());

        boolean ok = corrected.passed() && !printed.passed();
        System.out.println();
        System.out.println(ok ? "Demo finished: the corrected rule passes, the printed one is caught."
                : "Demo FAILED: the checks did not come out as expected.");
        if (!ok) {
            System.exit(1);
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("── " + title + " " + "─".repeat(Math.max(3, 72 - title.length())));
    }
}

package org.backpropkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shift-Tab's javadoc: found for each kind of member JShell names, and shown as plain text. */
class JavadocTest {

    private static final String WIDGET = """
            package org.backpropkit.demo;

            /** A widget, for the test. */
            public final class Widget {
                /** The rate {@code η}. */
                public static final double ETA = 0.5;

                /** Makes one from {@code n} parts. */
                public Widget(int n) { }

                /** Sums the {@code values}: {@code Σ v_i}. */
                public static double sum(double... values) { return 0; }

                /** Applies {@link #sum(double...)} to a list. */
                public static double sum(java.util.List<Double> values, boolean twice) { return 0; }

                /** The widget's kinds. */
                public enum Kind {
                    /** {@code σ(a) = 1 / (1 + e^(−a))}, {@code σ'(a) = h(1 − h)}. */
                    ROUND
                }
            }
            """;

    @Test
    void findsTheCommentOfEachKindOfMember(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("backprop-kit-sources.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("org/backpropkit/demo/Widget.java"));
            zip.write(WIDGET.getBytes(StandardCharsets.UTF_8));
        }
        Javadoc javadoc = new Javadoc(jar);
        assertEquals("A widget, for the test.", javadoc.of("org.backpropkit.demo.Widget"));
        assertEquals("The rate η.", javadoc.of("double Widget.ETA"));
        assertEquals("Makes one from n parts.", javadoc.of("Widget(int n)"));
        assertEquals("Sums the values: Σ v_i.", javadoc.of("double Widget.sum(double... values)"));
        assertEquals("Applies sum(double...) to a list.",
                javadoc.of("double Widget.sum(java.util.List<java.lang.Double> values, boolean twice)"));
        assertEquals("σ(a) = 1 / (1 + e^(−a)), σ'(a) = h(1 − h).", javadoc.of("Widget.Kind.ROUND"));
        assertNull(javadoc.of("int Math.max(int a, int b)"));
        assertNull(new Javadoc(null).of("double Widget.ETA"));
    }

    @Test
    void htmlAndTagsBecomePlainText() {
        assertEquals("Runs:\n\n  • first x\n  • then Loss.value\nReturns a & b < c.", Javadoc.asText(
                "Runs:<p>\n<ul><li>first {@code x}</li>\n<li>then {@link Loss#value}</li></ul>\nReturns a &amp; b &lt; c."));
        assertEquals("θ ← θ − η ∇L(θ)", Javadoc.asText("<pre>  θ ← θ − η ∇L(θ)</pre>").strip());
        assertEquals("a {b} c", Javadoc.asText("a {@code {b}} c"));
    }
}

package org.backpropkit.core;

/**
 * Something the kit can show a learner in two forms: plain text for a terminal ({@link #toString()})
 * and Markdown with MathJax-compatible LaTeX between {@code $…$} for a notebook ({@link #toMarkdown()}).
 *
 * <p>The core knows nothing of Jupyter; the kernel's renderers look for this type and send
 * {@code text/markdown} with a {@code text/plain} fallback.
 */
public interface RichText {

    /** Returns the Markdown form, with formulas as inline {@code $…$} or display {@code $$…$$} LaTeX. */
    String toMarkdown();
}

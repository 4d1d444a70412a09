package org.backpropkit.kernel;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What the notebook asks about code without running it: Tab completion, Shift-Tab inspection, and whether a
 * console's input is complete. JShell analyses one snippet at a time, so each request first finds the
 * snippet of the cell that holds the cursor.
 *
 * <p>Shift-Tab shows each signature with its javadoc as plain text: for the kit's own classes from the kit's
 * sources ({@link Javadoc}), for the JDK's from its {@code src.zip} when the JDK ships one.
 */
final class CodeInsight {

    private final SourceCodeAnalysis analysis;
    private final Javadoc kitJavadoc;

    CodeInsight(SourceCodeAnalysis analysis, Javadoc kitJavadoc) {
        this.analysis = analysis;
        this.kitJavadoc = kitJavadoc;
    }

    ReplacementOptions complete(String code, int cursor) {
        Piece piece = pieceAt(code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(piece.source,
                cursor - piece.start, anchor);
        List<String> options = suggestions.stream().map(SourceCodeAnalysis.Suggestion::continuation).distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, piece.start + anchor[0], cursor);
    }

    DisplayData inspect(String code, int cursor, boolean detail) {
        Piece piece = pieceAt(code, cursor);
        int at = cursor - piece.start;
        // inspect the identifier under the cursor: move to its end, as JShell documents what precedes the cursor
        while (at < piece.source.length() && Character.isJavaIdentifierPart(piece.source.charAt(at))) {
            at++;
        }
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(piece.source, at, true);
        if (docs.isEmpty()) { // JShell documents a method from inside its parentheses: "Math.max(|"
            docs = analysis.documentation(piece.source.substring(0, at) + "(", at + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        String text = docs.stream().map(this::withJavadoc).collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    private String withJavadoc(SourceCodeAnalysis.Documentation doc) {
        String javadoc = doc.javadoc() != null ? Javadoc.asText(doc.javadoc()) : kitJavadoc.of(doc.signature());
        return javadoc == null ? doc.signature() : doc.signature() + "\n\n" + javadoc;
    }

    String isComplete(String code) {
        String rest = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return BaseKernel.IS_COMPLETE_YES;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "    ";
                case UNKNOWN:
                    return BaseKernel.IS_COMPLETE_BAD;
                default:
                    rest = info.remaining();
            }
        }
    }

    private record Piece(String source, int start) {
    }

    /** The snippet of {@code code} that holds {@code cursor} (JShell analyses one snippet at a time). */
    private Piece pieceAt(String code, int cursor) {
        String rest = code;
        while (true) {
            int start = code.length() - rest.length();
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            int end = code.length() - info.remaining().length();
            if (info.completeness() == Completeness.EMPTY || !info.completeness().isComplete() || end >= cursor
                    || info.remaining().isEmpty()) {
                return new Piece(code.substring(start), start);
            }
            rest = info.remaining();
        }
    }
}

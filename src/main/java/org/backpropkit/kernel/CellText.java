package org.backpropkit.kernel;

import java.util.Arrays;
import java.util.Set;

/**
 * Lexical facts about a cell's text that the {@link CellRunner} needs before JShell sees it: where the next
 * code starts after blanks and comments, whether a {@code %} there begins a magic line, where a line ends,
 * which line a character is on, and whether a snippet is a plain statement that can run inside a block.
 */
final class CellText {

    private static final Set<String> STATEMENT_KEYWORDS = Set.of("if", "for", "while", "do", "switch", "try",
            "synchronized", "throw", "assert");
    private static final Set<String> NOT_AN_EXPRESSION_START = Set.of("abstract", "boolean", "byte", "char", "class",
            "double", "enum", "final", "float", "import", "int", "interface", "long", "native", "new", "private",
            "protected", "public", "record", "return", "sealed", "short", "static", "strictfp", "super", "this",
            "transient", "var", "void", "volatile", "yield", "break", "continue", "case", "default", "else");

    private final String text;
    private int[] lineStarts;

    CellText(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** The first character at or after {@code from} (and before {@code to}) that is not blank or in a comment. */
    int codeStart(int from, int to) {
        int k = from;
        while (k < to) {
            char c = text.charAt(k);
            if (Character.isWhitespace(c)) {
                k++;
            } else if (text.startsWith("//", k)) {
                int end = text.indexOf('\n', k);
                k = end < 0 || end > to ? to : end + 1;
            } else if (text.startsWith("/*", k)) {
                int end = text.indexOf("*/", k + 2);
                if (end < 0 || end + 2 > to) {
                    return k; // an unclosed comment: JShell will say the code is incomplete
                }
                k = end + 2;
            } else {
                return k;
            }
        }
        return to;
    }

    /** True when the {@code %} at {@code at} begins a magic line: only blanks before it on its line. */
    boolean isMagicLine(int at) {
        if (text.charAt(at) != '%') {
            return false;
        }
        for (int k = at - 1; k >= 0 && text.charAt(k) != '\n'; k--) {
            if (text.charAt(k) != ' ' && text.charAt(k) != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The end of the line holding {@code at} (the index of its line break, or {@code to}). */
    int lineEnd(int at, int to) {
        int end = text.indexOf('\n', at);
        return end < 0 || end > to ? to : end;
    }

    /** The 1-based line of the text that holds character {@code offset}. */
    int lineOf(int offset) {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int n = 1;
            for (int k = 0; k < text.length(); k++) {
                if (text.charAt(k) == '\n') {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, 2 * n);
                    }
                    starts[n++] = k + 1;
                }
            }
            lineStarts = Arrays.copyOf(starts, n);
        }
        int at = Arrays.binarySearch(lineStarts, offset);
        return at >= 0 ? at + 1 : -at - 1;
    }

    /**
     * True when {@code snippet} (complete, ending with {@code ;} or {@code }}) is a plain statement: it declares
     * nothing, so running it inside a block {@code { … }} together with its neighbours means the same as
     * running it alone. Decided from its first tokens, erring towards "no": a statement keyword
     * ({@code if}, {@code for}, …), a block, {@code ++}/{@code --}, or a name such as {@code a.b.c} followed by
     * a call, an index, an assignment or an increment. {@code Foo bar = …} (a declaration) and {@code a + b;}
     * (an expression JShell accepts but Java does not as a statement) are not.
     */
    static boolean isPlainStatement(String snippet) {
        String s = snippet.strip();
        if (!(s.endsWith(";") || s.endsWith("}"))) {
            return false;
        }
        if (s.startsWith("{") || s.startsWith("++") || s.startsWith("--")) {
            return true;
        }
        int k = 0;
        boolean firstName = true;
        while (true) {
            int start = k;
            if (k >= s.length() || !Character.isJavaIdentifierStart(s.charAt(k))) {
                return false;
            }
            while (k < s.length() && Character.isJavaIdentifierPart(s.charAt(k))) {
                k++;
            }
            String name = s.substring(start, k);
            if (firstName && STATEMENT_KEYWORDS.contains(name)) {
                return true;
            }
            if (NOT_AN_EXPRESSION_START.contains(name) || STATEMENT_KEYWORDS.contains(name)) {
                return false;
            }
            firstName = false;
            k = skipSpaces(s, k);
            if (k < s.length() && s.charAt(k) == '.') {
                k = skipSpaces(s, k + 1);
                continue;
            }
            return k < s.length() && endsAName(s, k);
        }
    }

    /** What may follow the name at the start of a plain statement: a call, an index, an assignment, ++ or --. */
    private static boolean endsAName(String s, int k) {
        char c = s.charAt(k);
        String rest = s.substring(k, Math.min(s.length(), k + 4));
        if (c == '(') {
            return true;
        }
        if (c == '[') {
            int next = skipSpaces(s, k + 1);
            return next < s.length() && s.charAt(next) != ']';
        }
        if (c == '=') {
            return !rest.startsWith("==");
        }
        return rest.startsWith("++") || rest.startsWith("--") || rest.matches("(?s)([-+*/%&|^]|<<|>>>?)=.*");
    }

    private static int skipSpaces(String s, int k) {
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }
}

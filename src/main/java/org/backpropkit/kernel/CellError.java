package org.backpropkit.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell that could not run or stopped with an exception, already put in a learner's words: a name
 * (e.g. {@code IllegalArgumentException}), a message, and the lines the notebook shows. Kernel
 * internals (JShell's wrapper classes, reflection) never appear in them.
 */
final class CellError extends RuntimeException {

    private final String name;
    private final List<String> lines;

    CellError(String name, String message, List<String> lines) {
        super(message);
        this.name = name;
        this.lines = List.copyOf(lines);
    }

    /** An error that is just a sentence. */
    static CellError of(String name, String message) {
        return new CellError(name, message, List.of(red(name + ": ") + message));
    }

    String name() {
        return name;
    }

    List<String> lines() {
        return lines;
    }

    /** Bold red, as Jupyter front ends show ANSI colours in tracebacks. */
    static String red(String text) {
        return "\u001b[1;31m" + text + "\u001b[0m";
    }

    /**
     * The lines of {@code cell} from {@code from} to {@code to} (0-based character offsets), numbered, with a
     * marker under the offending characters.
     */
    static List<String> pointAt(String cell, int from, int to) {
        List<String> out = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        int offset = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int end = offset + line.length();
            if (end >= from && offset <= Math.max(from, to - 1)) {
                out.add(String.format("%3d | %s", n + 1, line));
                int markFrom = Math.max(from, offset) - offset;
                int markTo = Math.max(markFrom + 1, Math.min(to, end) - offset);
                out.add("    | " + " ".repeat(markFrom) + red("^".repeat(markTo - markFrom)));
            }
            offset = end + 1;
        }
        return out;
    }
}

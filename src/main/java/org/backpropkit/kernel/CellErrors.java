package org.backpropkit.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Puts what JShell reports in a learner's words: a compile error shows the offending line of the cell with
 * a marker under it; an exception shows its name, message and the lines of the cell it passed through,
 * without JShell's wrapper classes, reflection or the kernel's own frames.
 */
final class CellErrors {

    private CellErrors() {
    }

    /** The diagnostics of a snippet that did not compile; {@code offset} is where it starts in the cell. */
    static CellError compileError(JShell shell, Snippet snippet, String cell, int offset) {
        List<Diag> diags = shell.diagnostics(snippet).collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        String first = diags.isEmpty() ? "this code does not compile" : diags.get(0).getMessage(Locale.ROOT);
        for (Diag d : diags) {
            lines.add(CellError.red("Compile error: ") + d.getMessage(Locale.ROOT));
            int from = offset + (int) Math.max(0, d.getStartPosition());
            int to = offset + (int) Math.max(d.getStartPosition() + 1, d.getEndPosition());
            lines.addAll(CellError.pointAt(cell, from, to));
        }
        return new CellError("CompileError", first, lines);
    }

    /**
     * An exception thrown by a cell's code. {@code snippetLine} gives, for each snippet of the cell ("#id"),
     * the cell's line just before the snippet's first line.
     */
    static CellError runtimeError(JShell shell, JShellException e, Map<String, Integer> snippetLine) {
        if (e instanceof UnresolvedReferenceException u) {
            String name = u.getSnippet().name();
            return CellError.of("UnresolvedReference", name + " uses something not defined yet: "
                    + shell.unresolvedDependencies(u.getSnippet()).collect(Collectors.joining(", ")));
        }
        EvalException ee = (EvalException) e;
        String name = simpleName(ee.getExceptionClassName());
        String message = ee.getMessage() == null ? "" : ee.getMessage();
        List<String> lines = new ArrayList<>();
        lines.add(CellError.red(name + ": ") + message);
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : ee.getStackTrace()) {
            String file = frame.getFileName() == null ? "" : frame.getFileName();
            String where = frame.getClassName();
            if (file.startsWith("#")) { // a frame in a cell's code: JShell names its file after the snippet
                Integer base = snippetLine.get(file);
                String method = frame.getMethodName().isEmpty() || frame.getMethodName().startsWith("do_it$") ? ""
                        : " (in " + frame.getMethodName() + ")";
                frames.add(base != null ? "    at line " + (base + frame.getLineNumber()) + " of this cell" + method
                        : "    at line " + frame.getLineNumber() + " of " + frame.getMethodName() + ", defined in an earlier cell");
            } else if (!where.startsWith("jdk.") && !where.startsWith("java.lang.reflect.") && !where.startsWith("REPL.")
                    && !where.startsWith("sun.") && !where.startsWith("org.backpropkit.kernel.")) {
                frames.add("    at " + frame);
            }
        }
        lines.addAll(withoutRepeats(frames));
        Throwable cause = ee.getCause();
        while (cause instanceof EvalException c) {
            lines.add("Caused by " + simpleName(c.getExceptionClassName()) + ": " + c.getMessage());
            cause = c.getCause();
        }
        return new CellError(name, message, lines);
    }

    /** Stack lines with runs of the same line (deep recursion) folded into one, and at most 40 lines. */
    static List<String> withoutRepeats(List<String> frames) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < frames.size() && out.size() < 40; ) {
            int run = 1;
            while (k + run < frames.size() && frames.get(k + run).equals(frames.get(k))) {
                run++;
            }
            out.add(frames.get(k));
            if (run > 1) {
                out.add("    … the line above " + (run - 1) + " more times");
            }
            k += run;
        }
        return out;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}

package org.backpropkit.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Puts what JShell reports in a learner's words: a compile error shows the offending line of the cell with
 * a marker under it; an exception shows its name, message and the lines of the cell it passed through,
 * without JShell's wrapper classes ({@code REPL.$JShell$13.o} becomes {@code o}), reflection or the kernel's
 * own frames; a method that cannot run says why.
 */
final class CellErrors {

    /** JShell's wrapper of a snippet in a class or member name: {@code REPL.$JShell$13.} or {@code REPL.$JShell$12B$}. */
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$[0-9A-Z]*[.$]");

    private CellErrors() {
    }

    /** {@code text} with JShell's wrapper classes taken out of the names in it. */
    static String withLearnersNames(String text) {
        return text == null || !text.contains("$JShell$") ? text : WRAPPER.matcher(text).replaceAll("");
    }

    /** Any throwable that reached the kernel itself (while showing a result, say), as a cell error. */
    static CellError of(Throwable e) {
        return e instanceof CellError c ? c
                : CellError.of(e.getClass().getSimpleName(), withLearnersNames(String.valueOf(e.getMessage())));
    }

    /** The diagnostics of a snippet that did not compile; {@code offset} is where it starts in the cell. */
    static CellError compileError(JShell shell, Snippet snippet, String cell, int offset) {
        List<Diag> diags = shell.diagnostics(snippet).collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        String first = diags.isEmpty() ? "this code does not compile" : message(diags.get(0));
        for (Diag d : diags) {
            lines.add(CellError.red("Compile error: ") + message(d));
            int from = offset + (int) Math.max(0, d.getStartPosition());
            int to = offset + (int) Math.max(d.getStartPosition() + 1, d.getEndPosition());
            lines.addAll(CellError.pointAt(cell, from, to));
        }
        return new CellError("CompileError", first, lines);
    }

    private static String message(Diag d) {
        return withLearnersNames(d.getMessage(Locale.ROOT));
    }

    /**
     * An exception thrown by a cell's code. {@code snippetLine} gives, for each snippet of the cell ("#id"),
     * the cell's line just before the snippet's first line.
     */
    static CellError runtimeError(JShell shell, JShellException e, Map<String, Integer> snippetLine) {
        if (e instanceof UnresolvedReferenceException u) {
            return cannotRun(shell, u.getSnippet());
        }
        EvalException ee = (EvalException) e;
        String name = simpleName(ee.getExceptionClassName());
        String message = ee.getMessage() == null ? "" : withLearnersNames(ee.getMessage());
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
            lines.add("Caused by " + simpleName(c.getExceptionClassName()) + ": " + withLearnersNames(c.getMessage()));
            cause = c.getCause();
        }
        return new CellError(name, message, lines);
    }

    /**
     * A method, class or variable that exists but cannot be used: either it names something not defined yet,
     * or its code stopped compiling when something it uses changed (a variable now of another type, say).
     */
    private static CellError cannotRun(JShell shell, DeclarationSnippet snippet) {
        String name = snippet.name();
        String missing = shell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            return CellError.of("UnresolvedReference", name + " uses something not defined yet: " + missing);
        }
        List<String> reasons = shell.diagnostics(snippet).map(CellErrors::message).collect(Collectors.toList());
        String message = name + " cannot run: its code no longer compiles, because something it uses has changed"
                + (reasons.isEmpty() ? "." : ": " + reasons.get(0).lines().findFirst().orElse("")) + " Run the cell that"
                + " defines " + name + " again (after fixing it), or undo the change.";
        List<String> lines = new ArrayList<>(List.of(CellError.red("UnresolvedReference: ") + message));
        for (String reason : reasons) {
            reason.lines().forEach(l -> lines.add("    " + l));
        }
        return new CellError("UnresolvedReference", message, lines);
    }

    /** A cell stopped by Interrupt or the time limit; {@code said} is what the stopped code said, if anything. */
    static CellError interrupted(String said) {
        String message = "the cell was stopped. Everything defined before it is still there.";
        List<String> lines = new ArrayList<>(List.of(CellError.red("Interrupted: ") + message));
        if (said != null && !said.isBlank()) {
            lines.add("    " + withLearnersNames(said));
        }
        return new CellError("Interrupted", message, lines);
    }

    /** Code that would call System.exit; it starts at character {@code from} of the cell. */
    static CellError exitRefused(String cell, int from) {
        int lineEnd = cell.indexOf('\n', from);
        List<String> lines = new ArrayList<>(List.of(CellError.red(ExitGuard.REFUSED + ": ") + ExitGuard.MESSAGE));
        lines.addAll(CellError.pointAt(cell, from, lineEnd < 0 ? cell.length() : lineEnd));
        return new CellError(ExitGuard.REFUSED, ExitGuard.MESSAGE, lines);
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

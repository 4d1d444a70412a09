package org.backpropkit.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.VarSnippet;

/**
 * Runs a cell: its magic lines through {@link Magics}, the code between them through JShell, one snippet
 * (declaration, statement or expression) after the other. The value of a final expression is the cell's
 * result. A cell stops at its first error ({@link CellErrors} words it), at an interrupt, or when the
 * time limit ({@code BACKPROP_KIT_TIMEOUT}) runs out.
 */
final class CellRunner {

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final SnippetRunner runner;
    private final Magics magics;
    private final long timeoutMillis;
    private final ScheduledExecutorService timers;
    private volatile boolean interrupted;
    /** For each snippet of the cell being run ("#id"), the cell's line just before its first line. */
    private final Map<String, Integer> snippetLine = new HashMap<>();

    CellRunner(Settings settings, Magics magics, ScheduledExecutorService timers) {
        this.runner = new SnippetRunner();
        this.shell = JShell.builder().executionEngine(runner.provider(), Map.of())
                .compilerOptions(settings.compilerOptions().toArray(String[]::new)).build();
        this.analysis = shell.sourceCodeAnalysis();
        this.magics = magics;
        this.timeoutMillis = settings.timeoutMillis();
        this.timers = timers;
        for (String entry : settings.classpath()) {
            shell.addToClasspath(entry);
        }
        for (String line : JavaKernel.STARTUP_IMPORTS) {
            shell.eval(line);
        }
    }

    /** JShell's analysis of source code, for completion and inspection. */
    SourceCodeAnalysis analysis() {
        return analysis;
    }

    /** Adds a jar or folder to the classpath of later cells. */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** Runs a whole cell (a {@code %%time} first line times it); returns its result, or null. */
    Object run(String cell) {
        interrupted = false;
        ScheduledFuture<?> timeout = timeoutMillis > 0
                ? timers.schedule(this::stop, timeoutMillis, TimeUnit.MILLISECONDS) : null;
        try {
            Matcher time = Magics.CELL_TIME.matcher(cell);
            if (time.lookingAt()) {
                return Magics.timed(() -> runCell(cell, time.end()));
            }
            return runCell(cell, 0);
        } finally {
            snippetLine.clear();
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }

    /** Stops the running cell, from Jupyter's interrupt or when the time limit runs out. */
    void stop() {
        interrupted = true;
        shell.stop();
    }

    /**
     * Runs {@code cell} from character {@code from}: the code between magic lines through JShell, each magic
     * in its turn. Returns the value of the last piece, or null.
     */
    Object runCell(String cell, int from) {
        Object result = null;
        Matcher magic = Magics.LINE.matcher(cell);
        magic.region(from, cell.length());
        while (magic.find()) {
            result = runCode(cell, from, magic.start(), result);
            result = magics.run(this, cell, magic);
            from = magic.end();
            magic.region(from, cell.length());
        }
        return runCode(cell, from, cell.length(), result);
    }

    /**
     * Runs the snippets of {@code cell} between {@code from} and {@code to} in order; returns the value of a
     * final expression, or {@code previous} when the piece is empty.
     */
    Object runCode(String cell, int from, int to, Object previous) {
        String code = cell.substring(0, to);
        String rest = code.substring(from);
        ExitGuard.refuse(rest);
        Object result = previous;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                return result;
            }
            int offset = code.length() - rest.length() + leadingSpace(rest);
            if (!info.completeness().isComplete()) {
                List<String> lines = new ArrayList<>(List.of(CellError.red("Incomplete code: ")
                        + "this part of the cell does not end (a missing ; or } ?)"));
                lines.addAll(CellError.pointAt(cell, offset, code.length()));
                throw new CellError("IncompleteCode", "the cell ends in the middle of a statement", lines);
            }
            rest = info.remaining();
            result = run(info.source(), cell, offset);
        }
    }

    /** Runs one snippet; returns its value when it is an expression with one. */
    private Object run(String source, String cell, int offset) {
        List<SnippetEvent> events = shell.eval(source);
        if (interrupted) {
            throw CellError.of("Interrupted", "the cell was stopped. Everything defined before it is still there.");
        }
        Object value = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet updated in passing
            }
            Snippet snippet = event.snippet();
            snippetLine.put("#" + snippet.id(), CellError.lineOf(cell, offset) - 1);
            if (event.status() == Snippet.Status.REJECTED) {
                throw CellErrors.compileError(shell, snippet, cell, offset);
            }
            if (event.exception() != null) {
                throw CellErrors.runtimeError(shell, event.exception(), snippetLine);
            }
            if (snippet instanceof VarSnippet var) {
                runner.defined(var.name());
                if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                    value = runner.value(var.name());
                }
            } else if (snippet instanceof ExpressionSnippet expression
                    && snippet.subKind() != Snippet.SubKind.OTHER_EXPRESSION_SUBKIND) {
                value = runner.value(expression.name());
            }
        }
        return value;
    }

    private static int leadingSpace(String s) {
        int k = 0;
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    void close() {
        shell.close();
    }
}

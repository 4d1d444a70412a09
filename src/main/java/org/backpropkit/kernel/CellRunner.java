package org.backpropkit.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * Runs a cell: its magic lines through {@link Magics}, its code through JShell, one snippet (declaration,
 * statement or expression) after the other. The value of a final expression is the cell's result. A cell
 * stops at its first error ({@link CellErrors} words it), at an interrupt, or when the time limit
 * ({@code BACKPROP_KIT_TIMEOUT}) runs out.
 *
 * <p>A magic is a line that starts with {@code %} where a snippet could start; a {@code %} line inside a
 * snippet (a text block, an expression continued on the next line) is code.
 *
 * <p>Long cells: JShell's cost per snippet grows with the number of snippets before it (each compile reads the
 * classes of all earlier ones), so a cell of thousands of statements took quadratic time. Runs of consecutive
 * plain statements ({@link CellText#isPlainStatement}) therefore go to JShell as one block of up to
 * {@value #BLOCK} statements, which means the same; if the block does not compile, or would call
 * {@code System.exit}, nothing of it has run and its statements run one by one, so the learner gets the
 * error of the statement at fault. And JShell only ever analyses a window of the cell's text around the next
 * snippet, not all the rest of it.
 */
final class CellRunner {

    /** Statements run as one block at most. */
    static final int BLOCK = 100;
    /** Characters of text after the next snippet's start that its analysis looks at first. */
    private static final int WINDOW = 4096;

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final SnippetRunner runner;
    private final Magics magics;
    private final long timeoutMillis;
    private final ScheduledExecutorService timers;
    private volatile boolean interrupted;
    /** For each snippet of the cell being run ("#id"), the cell's line just before its first line. */
    private final Map<String, Integer> snippetLine = new HashMap<>();
    /** The start-up imports of single classes ({@code import org.backpropkit.core.Network;}), by simple name. */
    private final Map<String, ImportSnippet> importedClasses = new HashMap<>();

    /** A snippet of a cell: its characters {@code [start, end)} and the source JShell completed it to. */
    private record Part(int start, int end, String source, boolean plainStatement) {
    }

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
            for (SnippetEvent event : shell.eval(line)) {
                if (event.snippet() instanceof ImportSnippet i && !i.isStatic() && !i.fullname().endsWith("*")) {
                    importedClasses.put(i.name(), i);
                }
            }
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
        runner.startCell();
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
        runner.stopCell();
        shell.stop();
    }

    /** True from a stop (interrupt, time limit) until the next cell starts. */
    boolean stopped() {
        return interrupted;
    }

    /** Runs {@code cell} from character {@code from}, magic lines included; returns the last value, or null. */
    Object runCell(String cell, int from) {
        return run(new CellText(cell), from, cell.length(), true);
    }

    /** Runs the code of {@code cell} between {@code from} and {@code to} (no magics: {@code %time}'s argument). */
    Object runCode(String cell, int from, int to) {
        return run(new CellText(cell), from, to, false);
    }

    private Object run(CellText cell, int from, int to, boolean withMagics) {
        Object result = null;
        List<Part> statements = new ArrayList<>();
        int at = cell.codeStart(from, to);
        while (at < to) {
            if (withMagics && cell.isMagicLine(at)) {
                runBlock(cell, statements);
                int end = cell.lineEnd(at, to);
                result = magics.run(this, cell.text(), at, end);
                at = cell.codeStart(end, to);
                continue;
            }
            Part part = nextSnippet(cell, at, to);
            if (part.plainStatement) {
                statements.add(part);
                if (statements.size() > BLOCK) {
                    runBlock(cell, statements.subList(0, BLOCK));
                }
                result = null;
            } else {
                runBlock(cell, statements);
                result = runSnippet(cell, part.source, part.start);
            }
            at = cell.codeStart(part.end, to);
        }
        if (!statements.isEmpty()) { // the last statement alone: its value (an expression's) is the cell's result
            Part last = statements.remove(statements.size() - 1);
            runBlock(cell, statements);
            result = runSnippet(cell, last.source, last.start);
        }
        return result;
    }

    /**
     * The snippet that starts at {@code at}. JShell reads a window of the text first; the window's answer counts
     * when the snippet ends inside it with code after it (so JShell saw where it ends), else the window grows.
     */
    private Part nextSnippet(CellText cell, int at, int to) {
        for (int window = WINDOW; ; window *= 4) {
            int end = at + window >= to ? to : cell.lineEnd(at + window, to);
            String text = cell.text().substring(at, end);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(text);
            Completeness completeness = info.completeness();
            String rest = info.remaining();
            boolean seenItsEnd = completeness.isComplete() && !rest.isBlank()
                    && new CellText(rest).codeStart(0, rest.length()) < rest.length();
            if (end < to && !seenItsEnd) {
                continue;
            }
            if (!completeness.isComplete()) {
                List<String> lines = new ArrayList<>(List.of(CellError.red("Incomplete code: ")
                        + "this part of the cell does not end (a missing ; or } ?)"));
                lines.addAll(CellError.pointAt(cell.text(), at, to));
                throw new CellError("IncompleteCode", "the cell ends in the middle of a statement", lines);
            }
            int snippetEnd = end - rest.length();
            boolean plain = completeness == Completeness.COMPLETE
                    && CellText.isPlainStatement(cell.text().substring(at, snippetEnd));
            return new Part(at, snippetEnd, info.source(), plain);
        }
    }

    /** Runs plain statements together as one block (see the class comment); empties the list. */
    private void runBlock(CellText cell, List<Part> statements) {
        if (statements.size() == 1) {
            runSnippet(cell, statements.get(0).source, statements.get(0).start);
        } else if (statements.size() > 1) {
            int start = statements.get(0).start;
            String block = "{" + cell.text().substring(start, statements.get(statements.size() - 1).end) + "\n}";
            List<SnippetEvent> events = shell.eval(block);
            Set<String> refused = runner.takeRefused();
            if (!refused.isEmpty() || events.stream().anyMatch(e -> e.status() == Snippet.Status.REJECTED)) {
                for (Part part : statements) { // nothing ran: each statement alone, for the learner's own error
                    runSnippet(cell, part.source, part.start);
                }
            } else { // the block's "{" stands before its first statement, on the same line
                outcome(cell, events, Set.of(), start);
            }
        }
        statements.clear();
    }

    /** Runs one snippet that starts at {@code offset} in the cell; returns its value when it has one. */
    private Object runSnippet(CellText cell, String source, int offset) {
        List<SnippetEvent> events = shell.eval(source);
        return outcome(cell, events, runner.takeRefused(), offset);
    }

    /** What a snippet's evaluation means for the learner: its value, or the error that ends the cell. */
    private Object outcome(CellText cell, List<SnippetEvent> events, Set<String> refused, int offset) {
        if (interrupted) {
            throw CellErrors.interrupted(events.stream().map(SnippetEvent::exception) // what stopped code said, if anything
                    .filter(e -> e instanceof EvalException ee && !ee.getExceptionClassName().endsWith("ThreadDeath")
                            && e.getMessage() != null)
                    .map(Throwable::getMessage).findFirst().orElse(null));
        }
        Object value = null;
        List<String> notes = new ArrayList<>();
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            if (event.causeSnippet() != null) { // a snippet that depends on this one, updated in passing
                CellNotes.dependentChanged(event, notes);
                continue;
            }
            snippetLine.put("#" + snippet.id(), cell.lineOf(offset) - 1);
            if (!refused.isEmpty()) {
                if (snippet instanceof PersistentSnippet && shell.status(snippet).isDefined()) {
                    shell.drop(snippet); // a method or class that would call System.exit: not kept
                }
                throw CellErrors.exitRefused(cell.text(), offset);
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw CellErrors.compileError(shell, snippet, cell.text(), offset);
            }
            if (event.exception() != null) {
                throw CellErrors.runtimeError(shell, event.exception(), snippetLine);
            }
            CellNotes.hidesImportedClass(event, notes);
            if (snippet instanceof TypeDeclSnippet type && event.status().isDefined()
                    && importedClasses.containsKey(type.name())) {
                // JShell keeps both, and then no later cell compiles ("a type with the same simple name is
                // already defined by the single-type-import"): the learner's class wins, as over a.b.*
                for (SnippetEvent dropped : shell.drop(importedClasses.remove(type.name()))) {
                    CellNotes.dependentChanged(dropped, notes);
                }
            }
            value = valueOf(snippet);
        }
        notes.forEach(System.out::println);
        return value;
    }

    /** The live value of an expression (its temporary variable) or of a variable named alone, else null. */
    private Object valueOf(Snippet snippet) {
        if (snippet instanceof VarSnippet var && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return runner.value(analysis.wrapper(var).fullClassName(), var.name());
        }
        if (snippet instanceof ExpressionSnippet expression && snippet.subKind() != Snippet.SubKind.OTHER_EXPRESSION_SUBKIND) {
            return shell.variables().filter(v -> v.name().equals(expression.name())).findFirst()
                    .map(v -> runner.value(analysis.wrapper(v).fullClassName(), v.name())).orElse(null);
        }
        return null;
    }

    void close() {
        shell.close();
    }
}

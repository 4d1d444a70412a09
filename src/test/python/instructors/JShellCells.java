import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs notebook code cells through plain JShell, in order, and stops at the first cell that does not
 * compile or that throws: a check of student copies that needs no Jupyter kernel.
 *
 * <pre>java -cp CLASSPATH JShellCells.java DIR [--keep-going]</pre>
 *
 * DIR holds the cells as files named so that they sort in order (cell-001.jsh, …). For each cell one
 * line goes to stdout: {@code ok N}, {@code exception N ClassName: message}, or
 * {@code rejected N diagnostic}; the run stops after the first line that is not {@code ok}, or with
 * {@code --keep-going} only after a rejected cell (so every stub of a student copy gets compiled).
 * JShell runs in this JVM (the "local" engine), with this JVM's class path, as the kit's kernel does.
 */
public class JShellCells {

    public static void main(String[] args) throws Exception {
        List<Path> cells;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            cells = files.sorted().collect(Collectors.toList());
        }
        boolean keepGoing = args.length > 1 && args[1].equals("--keep-going");
        try (JShell shell = JShell.builder().executionEngine("local")
                .compilerOptions("-classpath", System.getProperty("java.class.path")).build()) {
            for (String line : org.backpropkit.kernel.JavaKernel.STARTUP_IMPORTS) { // what the kernel imports
                shell.eval(line);
            }
            for (int n = 0; n < cells.size(); n++) {
                String outcome = run(shell, Files.readString(cells.get(n)), keepGoing);
                System.out.println(outcome == null ? "ok " + (n + 1) : outcome.replaceFirst(" ", " " + (n + 1) + " "));
                if (outcome != null && !(keepGoing && outcome.startsWith("exception"))) {
                    return;
                }
            }
        }
    }

    /**
     * Evaluates one cell snippet by snippet; null when all went well, else what went wrong first.
     * An exception ends the cell, as in a kernel, unless {@code keepGoing}.
     */
    private static String run(JShell shell, String cell, boolean keepGoing) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell;
        String thrown = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.completeness().isComplete() ? info.source() : remaining;
            remaining = info.completeness().isComplete() ? info.remaining() : "";
            for (SnippetEvent event : shell.eval(source)) {
                if (event.exception() != null) {
                    Throwable e = event.exception();
                    String type = e instanceof EvalException ? ((EvalException) e).getExceptionClassName() : e.getClass().getName();
                    thrown = thrown != null ? thrown : "exception " + type + ": " + e.getMessage();
                    if (!keepGoing) {
                        return thrown;
                    }
                }
                if (event.status() == Snippet.Status.REJECTED || event.status() == Snippet.Status.RECOVERABLE_DEFINED
                        || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    String why = shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                    return "rejected " + event.status() + " " + why.replace('\n', ' ') + " in: " + source.strip().replace('\n', ' ');
                }
            }
        }
        return thrown;
    }
}

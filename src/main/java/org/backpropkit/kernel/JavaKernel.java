package org.backpropkit.kernel;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The {@code backprop-java} kernel: Java cells run by JShell inside this JVM, the kit imported.
 *
 * <p>A cell may hold many snippets (declarations, statements, expressions); they run in order and the
 * value of a final expression is the cell's result, rendered by {@link KitRenderers}. Line magics
 * ({@code %jars}, {@code %maven}, …) are turned into calls before JShell sees the cell.
 */
public final class JavaKernel extends BaseKernel {

    /** Imports every cell sees (public so that tools that compile lessons outside Jupyter use the same). */
    public static final List<String> STARTUP_IMPORTS = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            // The kit's API a learner types; not its helpers (Backprop, Require, Format, Shuffle, AtomicFiles, …).
            "import org.backpropkit.core.Activation;",
            "import org.backpropkit.core.Article;",
            "import org.backpropkit.core.ForwardPass;",
            "import org.backpropkit.core.Gradients;",
            "import org.backpropkit.core.Layer;",
            "import org.backpropkit.core.Loss;",
            "import org.backpropkit.core.Matrix;",
            "import org.backpropkit.core.Network;",
            "import org.backpropkit.core.Notation;",
            "import org.backpropkit.core.Parameter;",
            "import org.backpropkit.explain.*;",
            "import org.backpropkit.check.*;",
            "import org.backpropkit.exercise.*;",
            "import org.backpropkit.train.*;",
            "import org.backpropkit.data.DataSet;",
            "import org.backpropkit.data.DataError;",
            "import org.backpropkit.data.Examples;",
            "import org.backpropkit.data.HistoryTable;",
            "import org.backpropkit.data.Split;",
            "import org.backpropkit.data.Standardization;",
            "import org.backpropkit.plot.*;",
            "import org.backpropkit.view.*;",
            "import org.backpropkit.autodiff.*;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;");

    /** {@code System.exit}, {@code Runtime.getRuntime().exit/halt}: they would end the kernel and its state. */
    private static final Pattern EXIT = Pattern.compile(
            "\\bSystem\\s*\\.\\s*exit\\s*\\(|\\bRuntime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(exit|halt)\\s*\\(");

    private final JShell shell;
    private final SnippetRunner runner;
    private final SourceCodeAnalysis analysis;
    private final CellHistory history;
    private final long timeoutMillis;
    private final ScheduledExecutorService watchdog;
    private volatile boolean interrupted;
    /** For each snippet of the cell being run ("#id"), the cell's line just before its first line. */
    private final Map<String, Integer> snippetLine = new HashMap<>();

    JavaKernel(Settings settings, KitIO io, Renderer renderer, MagicsRegistry magics, StringStyler styler,
            CellHistory history) {
        super("backprop-java", Settings.kitVersion(),
                new LanguageInfo.Builder("java").version(Runtime.version().toString()).mimetype("text/x-java-source")
                        .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build(),
                List.of(), history, io, new CommManager(), renderer,
                new MagicParser("^\\s*%", "%%", new MagicTranspiler()), magics, true, styler);
        this.history = history;
        this.runner = new SnippetRunner();
        this.shell = JShell.builder().executionEngine(runner.provider(), Map.of())
                .compilerOptions(settings.compilerOptions().toArray(String[]::new)).build();
        this.analysis = shell.sourceCodeAnalysis();
        this.timeoutMillis = settings.timeoutMillis();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cell-timeout");
            t.setDaemon(true);
            return t;
        });
        for (String entry : settings.classpath()) {
            shell.addToClasspath(entry);
        }
        for (String line : STARTUP_IMPORTS) {
            shell.eval(line);
        }
        for (String script : settings.startupScripts()) {
            evalRaw(script);
        }
    }

    /** Adds a jar or folder to the classpath of later cells. */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    @Override
    public String getBanner() {
        return "Backprop Kit " + Settings.kitVersion() + " on Java " + Runtime.version();
    }

    // ── Running a cell ────────────────────────────────────────────────────────────────

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        ((KitIO) io).attach(env, request.isStdinEnabled());
        history.add(count, request.getCode());
        try {
            DisplayData out = eval(request.getCode());
            System.out.flush();
            System.err.flush();
            if (out != null) {
                env.publish(new PublishExecuteResult(count, out));
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Exception e) {
            System.out.flush();
            System.err.flush();
            CellError error = e instanceof CellError c ? c : CellError.of(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            env.publish(new PublishError(error.name(), error.getMessage(), error.lines()));
            ErrorReply reply = new ErrorReply(error.name(), error.getMessage(), error.lines());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    @Override
    public Object evalRaw(String cell) {
        interrupted = false;
        ScheduledFuture<?> timeout = timeoutMillis > 0
                ? watchdog.schedule(this::interrupt, timeoutMillis, TimeUnit.MILLISECONDS) : null;
        try {
            Matcher time = CELL_TIME.matcher(cell);
            if (time.lookingAt()) {
                long start = System.nanoTime();
                Object result = runCell(cell, time.end());
                printWallTime(start);
                return result;
            }
            return runCell(cell, 0);
        } finally {
            snippetLine.clear();
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }

    /** {@code %%time} on a cell's first line. */
    private static final Pattern CELL_TIME = Pattern.compile("\\s*%%time[ \\t]*(\\R|$)");

    /**
     * Runs {@code cell} from character {@code from}: the code between magic lines through JShell, each magic
     * in its turn. Returns the value of the last piece, or null.
     */
    private Object runCell(String cell, int from) {
        Object result = null;
        Matcher magic = Magics.LINE.matcher(cell);
        magic.region(from, cell.length());
        while (magic.find()) {
            result = runCode(cell, from, magic.start(), result);
            result = runMagic(cell, magic);
            from = magic.end();
            magic.region(from, cell.length());
        }
        return runCode(cell, from, cell.length(), result);
    }

    private Object runMagic(String cell, Matcher magic) {
        String name = magic.group(1);
        switch (name) {
            case "load":
                return runCell(Magics.load(magic.group(2)), 0);
            case "time":
                long start = System.nanoTime();
                Object result = runCode(cell, magic.start(2), magic.end(2), null);
                printWallTime(start);
                return result;
            default:
                if (!magicsRegistry.getLineMagicNames().contains(name)) {
                    throw CellError.of("UnknownMagic", "%" + name + " is not a magic of this kernel. It knows %load, %time, %%time, %"
                            + String.join(", %", new java.util.TreeSet<>(magicsRegistry.getLineMagicNames())) + ".");
                }
                try {
                    return magicsRegistry.evalLineMagic(this, name, Magics.arguments(magic.group(2)));
                } catch (Exception e) {
                    throw CellError.of("MagicError", "%" + name + ": " + e.getMessage());
                }
        }
    }

    private static void printWallTime(long startNanos) {
        System.out.println(String.format(Locale.ROOT, "Wall time: %.1f ms", (System.nanoTime() - startNanos) / 1e6));
    }

    /**
     * Runs the snippets of {@code cell} between {@code from} and {@code to} in order; returns the value of a
     * final expression, or {@code previous} when the piece is empty.
     */
    private Object runCode(String cell, int from, int to, Object previous) {
        String code = cell.substring(0, to);
        String rest = code.substring(from);
        refuseExit(rest);
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
                throw compileError(snippet, cell, offset);
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception());
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

    private CellError compileError(Snippet snippet, String cell, int offset) {
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

    private CellError runtimeError(JShellException e) {
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

    private static int leadingSpace(String s) {
        int k = 0;
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static void refuseExit(String code) {
        if (EXIT.matcher(withoutCommentsAndStrings(code)).find()) {
            throw CellError.of("SystemExitRefused", "System.exit would end the kernel and lose every variable,"
                    + " so this cell was not run. To start afresh, restart the kernel from the Kernel menu.");
        }
    }

    /** The code with comments and string/char literals blanked, so that "System.exit(" in a string is fine. */
    static String withoutCommentsAndStrings(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("'(?:\\\\.|[^'\\\\])*'", "''");
    }

    // ── Output ────────────────────────────────────────────────────────────────────────

    /**
     * Sends the cell's stdout and stderr to the client in pieces of whole writes rather than one message per
     * {@code print} call (a {@code printf} is several writes): buffered, flushed every 100 ms while the cell
     * runs, before any display, and at its end.
     */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        super.replaceOutputStreams(env);
        PrintStream out = buffered(io.out);
        PrintStream err = buffered(io.err);
        System.setOut(out);
        System.setErr(err);
        ScheduledFuture<?> flusher = watchdog.scheduleWithFixedDelay(() -> {
            out.flush();
            err.flush();
        }, 100, 100, TimeUnit.MILLISECONDS);
        env.defer(() -> flusher.cancel(false));
    }

    private static PrintStream buffered(PrintStream target) {
        return new PrintStream(new BufferedOutputStream(target, 8192), false, StandardCharsets.UTF_8);
    }

    @Override
    public void display(DisplayData data) {
        System.out.flush();
        System.err.flush();
        super.display(data);
    }

    // ── Interrupt, timeout ────────────────────────────────────────────────────────────

    /** Stops the running cell, from Jupyter's interrupt or when BACKPROP_KIT_TIMEOUT runs out. */
    @Override
    public void interrupt() {
        interrupted = true;
        shell.stop();
    }

    // ── Completion, inspection ────────────────────────────────────────────────────────

    @Override
    public ReplacementOptions complete(String code, int cursor) {
        Piece piece = pieceAt(code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(piece.source,
                cursor - piece.start, anchor);
        List<String> options = suggestions.stream().map(SourceCodeAnalysis.Suggestion::continuation).distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, piece.start + anchor[0], cursor);
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean detail) {
        Piece piece = pieceAt(code, cursor);
        int at = cursor - piece.start;
        // inspect the identifier under the cursor: move to its end, as JShell documents what precedes the cursor
        while (at < piece.source.length() && Character.isJavaIdentifierPart(piece.source.charAt(at))) {
            at++;
        }
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(piece.source, at, detail);
        if (docs.isEmpty()) { // JShell documents a method from inside its parentheses: "Math.max(|"
            docs = analysis.documentation(piece.source.substring(0, at) + "(", at + 1, detail);
        }
        if (docs.isEmpty()) {
            return null;
        }
        String text = docs.stream().map(d -> d.signature() + (detail && d.javadoc() != null ? "\n" + d.javadoc() : ""))
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    @Override
    public String isComplete(String code) {
        String rest = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return IS_COMPLETE_YES;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "    ";
                case UNKNOWN:
                    return IS_COMPLETE_BAD;
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

    // ── Kernel info ───────────────────────────────────────────────────────────────────

    /** jjava-jupyter's reply lacks the protocol's {@code status} field; this one has it. */
    private static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused")
        private final String status = "ok";

        KernelInfo(JavaKernel k) {
            super("5.3", k.getName(), k.getVersion(), k.getLanguageInfo(), k.getBanner(), k.getHelpLinks());
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfo(this));
    }

    /**
     * A history reply as the protocol has it: a status, and each cell as {@code [session, line, input]} (or
     * {@code [session, line, [input, output]]}); jjava-jupyter's own reply sends objects instead of lists.
     */
    private static final class History implements ContentType<History>, ReplyType<HistoryRequest> {
        @SuppressWarnings("unused")
        private final String status = "ok";
        private final List<List<Object>> history = new ArrayList<>();

        History(List<HistoryEntry> entries) {
            for (HistoryEntry e : entries) {
                Object cell = e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput();
                history.add(List.of(e.getSession(), e.getCellNumber(), cell));
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<History> getType() {
            return (MessageType) MessageType.HISTORY_REPLY;
        }

        @Override
        public MessageType<HistoryRequest> getRequestType() {
            return MessageType.HISTORY_REQUEST;
        }
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        switch (request.getAccessType()) {
            case TAIL:
                entries = history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
                break;
            case RANGE:
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
                break;
            default:
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        }
        env.reply(new History(entries));
    }

    @Override
    public void onShutdown(boolean restart) {
        watchdog.shutdownNow();
        shell.close();
    }
}

package org.backpropkit.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
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
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The {@code backprop-java} kernel: Java cells run by JShell inside this JVM, the kit imported.
 *
 * <p>This class answers Jupyter's requests and hands each job to the part that does it: {@link CellRunner}
 * runs cells (with {@link Magics} and the {@link ExitGuard}), {@link CellErrors} words their errors and
 * {@link CellNotes} what they changed in passing, {@link CellOutput} and {@link CellInput} carry what they
 * print and read, {@link KitRenderers} draws their results, {@link CodeInsight} completes and inspects code,
 * and {@link ProtocolReplies} sends the replies jjava-jupyter gets wrong.
 *
 * <p>Whatever goes wrong while serving a cell, {@code OutOfMemoryError} included, ends that cell with an error
 * and leaves the kernel serving. After a cell that ran out of memory, or that grew the heap by more than
 * {@value #HEAP_GROWTH_TO_RETURN} MiB, the kernel collects garbage at once, so the heap shrinks back (with the
 * launcher's {@code -XX:-ShrinkHeapInSteps}) and the memory goes back to the machine instead of staying with
 * an idle kernel.
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
            "import static org.backpropkit.kernel.Notebook.*;");

    /** MiB of heap growth in one cell after which the kernel collects garbage, to give the memory back. */
    static final long HEAP_GROWTH_TO_RETURN = 128;

    /** The text forms of a result that are cut at the output limit (images go whole). */
    private static final List<MIMEType> TEXT = List.of(MIMEType.TEXT_PLAIN, MIMEType.TEXT_HTML,
            MIMEType.TEXT_MARKDOWN, MIMEType.TEXT_LATEX, MIMEType.APPLICATION_JSON);

    private final CellRunner cells;
    private final CodeInsight insight;
    private final CellOutput output;
    private final CellInput input = new CellInput();
    private final CellHistory history;
    private final ScheduledExecutorService timers;
    private final long outputLimit;
    /** What the first cell must say: settings that could not be used, start-up scripts that failed. */
    private final List<String> startupNotes = new ArrayList<>();

    JavaKernel(Settings settings, KitIO io, Renderer renderer, Magics magics, MagicsRegistry registry,
            StringStyler styler, CellHistory history) {
        super("backprop-java", Settings.kitVersion(),
                new LanguageInfo.Builder("java").version(Runtime.version().toString()).mimetype("text/x-java-source")
                        .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build(),
                List.of(), history, io, new CommManager(), renderer,
                new MagicParser("^\\s*%", "%%", new MagicTranspiler()), registry, true, styler);
        this.history = history;
        this.outputLimit = settings.outputLimit();
        this.output = new CellOutput(outputLimit);
        this.timers = KernelTimer.start("backprop-java-timers");
        magics.actOn(this);
        this.cells = new CellRunner(settings, magics, timers);
        this.insight = new CodeInsight(cells.analysis(), Javadoc.besideKitJar());
        startupNotes.addAll(settings.problems());
        for (Map.Entry<String, String> script : settings.startupScripts().entrySet()) {
            try {
                cells.run(script.getValue());
            } catch (Throwable e) {
                startupNotes.add(script.getKey() + " stopped with an error, so what follows it did not run:\n"
                        + String.join("\n", CellErrors.of(e).lines()));
            }
        }
    }

    /** Adds a jar or folder to the classpath of later cells. */
    void addToClasspath(String path) {
        cells.addToClasspath(path);
    }

    @Override
    public String getBanner() {
        return "Backprop Kit " + Settings.kitVersion() + " on Java " + Runtime.version();
    }

    /** Takes the connection's requests, and sends System.out and System.err to its clients from now on. */
    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        if (connection instanceof KitConnection kit) {
            output.install(kit.getIOPub(), timers);
            input.connect(kit.stdin(), cells::stopped);
            System.setIn(input);
        }
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        ((KitIO) io).attach(env);
        output.startCell(message);
        input.startCell(message, request.isStdinEnabled());
        history.add(count, request.getCode());
        long heapBefore = Runtime.getRuntime().totalMemory();
        try {
            sayStartupNotes();
            Object value = cells.run(request.getCode());
            DisplayData result = value == null ? null : shown(value instanceof DisplayData d ? d : renderer.render(value));
            output.endCell();
            if (result != null) {
                env.publish(new PublishExecuteResult(count, result));
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Throwable e) {
            CellError error = CellErrors.of(e);
            try {
                output.endCell();
                env.publish(new PublishError(error.name(), error.getMessage(), error.lines()));
            } catch (Throwable lost) {
                ServerLog.say("could not send a cell's output and error: " + lost);
            }
            ErrorReply reply = new ErrorReply(error.name(), error.getMessage(), error.lines());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply); // the reply above all: no "busy" forever
            if (error.name().equals("OutOfMemoryError")) {
                heapBefore = 0;
            }
        }
        if (Runtime.getRuntime().totalMemory() - heapBefore > HEAP_GROWTH_TO_RETURN << 20) {
            System.gc(); // give the memory back now (see the class comment)
        }
    }

    private void sayStartupNotes() {
        for (String note : startupNotes) {
            System.out.println("Note from the kernel: " + note);
        }
        startupNotes.clear();
    }

    /** A result or display as sent: text forms cut at the output limit, and in the learner's names. */
    private DisplayData shown(DisplayData data) {
        for (MIMEType type : TEXT) {
            if (data.getData(type) instanceof String text) {
                String clean = type == MIMEType.TEXT_PLAIN ? CellErrors.withLearnersNames(text) : text;
                if (clean.length() > outputLimit) {
                    String cut = clean.substring(0, (int) outputLimit);
                    clean = cut + (cut.endsWith("\n") ? "" : "\n") + String.format(Locale.ROOT,
                            "… cut here: %,d more characters not shown. A result shows at most %,d characters"
                                    + " (BACKPROP_KIT_OUTPUT_LIMIT).", text.length() - outputLimit, outputLimit);
                }
                data.putData(type, clean);
            }
        }
        return data;
    }

    @Override
    public Object evalRaw(String cell) {
        return cells.run(cell);
    }

    @Override
    public void display(DisplayData data) {
        output.flush();
        super.display(shown(data));
    }

    /** Clears the running cell's output ({@link Notebook#clearOutput}). */
    void clearOutput(boolean wait) {
        output.clear(wait);
    }

    /** Stops the running cell, from Jupyter's interrupt or when BACKPROP_KIT_TIMEOUT runs out. */
    @Override
    public void interrupt() {
        cells.stop();
    }

    /** Completion, inspection and is_complete answer "nothing found" rather than leave the client waiting. */
    @Override
    public ReplacementOptions complete(String code, int cursor) {
        try {
            return insight.complete(code, cursor);
        } catch (Throwable e) {
            ServerLog.say("completion failed: " + e);
            return null;
        }
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean detail) {
        try {
            return insight.inspect(code, cursor, detail);
        } catch (Throwable e) {
            ServerLog.say("inspection failed: " + e);
            return null;
        }
    }

    @Override
    public String isComplete(String code) {
        try {
            return insight.isComplete(code);
        } catch (Throwable e) {
            ServerLog.say("is_complete failed: " + e);
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        ProtocolReplies.kernelInfo(this, env);
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        ProtocolReplies.history(history, env, message);
    }

    @Override
    public void onShutdown(boolean restart) {
        output.flush();
        timers.shutdownNow();
        cells.close();
    }
}

package org.backpropkit.kernel;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
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
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The {@code backprop-java} kernel: Java cells run by JShell inside this JVM, the kit imported.
 *
 * <p>This class answers Jupyter's requests and hands each job to the part that does it: {@link CellRunner}
 * runs cells (with {@link Magics} and the {@link ExitGuard}), {@link CellErrors} words their errors,
 * {@link CellOutput} carries what they print, {@link KitRenderers} draws their results, {@link CodeInsight}
 * completes and inspects code, and {@link ProtocolReplies} sends the replies jjava-jupyter gets wrong.
 */
public final class JavaKernel extends BaseKernel {

    /** Imports every cell sees (public so that tools that compile lessons outside Jupyter use the same). */
    public static final List<String> STARTUP_IMPORTS = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            "import org.backpropkit.core.*;",
            "import org.backpropkit.explain.*;",
            "import org.backpropkit.check.*;",
            "import org.backpropkit.train.*;",
            "import org.backpropkit.data.*;",
            "import org.backpropkit.plot.*;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;");

    private final CellRunner cells;
    private final CodeInsight insight;
    private final CellOutput output;
    private final CellHistory history;
    private final ScheduledExecutorService timers;

    JavaKernel(Settings settings, KitIO io, Renderer renderer, Magics magics, MagicsRegistry registry,
            StringStyler styler, CellHistory history) {
        super("backprop-java", Settings.kitVersion(),
                new LanguageInfo.Builder("java").version(Runtime.version().toString()).mimetype("text/x-java-source")
                        .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build(),
                List.of(), history, io, new CommManager(), renderer,
                new MagicParser("^\\s*%", "%%", new MagicTranspiler()), registry, true, styler);
        this.history = history;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backprop-java-timers");
            t.setDaemon(true);
            return t;
        });
        magics.actOn(this);
        this.cells = new CellRunner(settings, magics, timers);
        this.insight = new CodeInsight(cells.analysis());
        this.output = new CellOutput(timers);
        for (String script : settings.startupScripts()) {
            evalRaw(script);
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
            CellOutput.flush();
            if (out != null) {
                env.publish(new PublishExecuteResult(count, out));
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Exception e) {
            CellOutput.flush();
            CellError error = e instanceof CellError c ? c : CellError.of(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            env.publish(new PublishError(error.name(), error.getMessage(), error.lines()));
            ErrorReply reply = new ErrorReply(error.name(), error.getMessage(), error.lines());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    @Override
    public Object evalRaw(String cell) {
        return cells.run(cell);
    }

    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        super.replaceOutputStreams(env);
        output.attach(env, io);
    }

    @Override
    public void display(DisplayData data) {
        CellOutput.flush();
        super.display(data);
    }

    /** Stops the running cell, from Jupyter's interrupt or when BACKPROP_KIT_TIMEOUT runs out. */
    @Override
    public void interrupt() {
        cells.stop();
    }

    @Override
    public ReplacementOptions complete(String code, int cursor) {
        return insight.complete(code, cursor);
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean detail) {
        return insight.inspect(code, cursor, detail);
    }

    @Override
    public String isComplete(String code) {
        return insight.isComplete(code);
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
        timers.shutdownNow();
        cells.close();
    }
}

package org.backpropkit.kernel;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/**
 * A cell's stdout and stderr, sent to the client in pieces of whole writes rather than one message per
 * {@code print} call (a {@code printf} is several writes): buffered, flushed every 100 ms while the cell
 * runs, before any display, and at its end.
 */
final class CellOutput {

    private final ScheduledExecutorService timers;

    CellOutput(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /** Points System.out and System.err at the client of {@code env}, buffered, until the request is done. */
    void attach(ShellReplyEnvironment env, JupyterIO io) {
        PrintStream out = buffered(io.out);
        PrintStream err = buffered(io.err);
        System.setOut(out);
        System.setErr(err);
        ScheduledFuture<?> flusher = timers.scheduleWithFixedDelay(() -> {
            out.flush();
            err.flush();
        }, 100, 100, TimeUnit.MILLISECONDS);
        env.defer(() -> flusher.cancel(false));
    }

    /** Sends what the cell printed so far. */
    static void flush() {
        System.out.flush();
        System.err.flush();
    }

    private static PrintStream buffered(PrintStream target) {
        return new PrintStream(new BufferedOutputStream(target, 8192), false, StandardCharsets.UTF_8);
    }
}

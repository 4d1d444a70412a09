package org.backpropkit.kernel;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishStream.StreamType;

/**
 * What cells print: {@code System.out} and {@code System.err} of the whole kernel, set once at start.
 *
 * <ul>
 *   <li>Buffered: the client gets pieces of whole writes, not one message per {@code print} call; what is
 *       printed goes out at most 100 ms later, or before a display, or at the cell's end.</li>
 *   <li>Capped: one cell sends at most {@code limit} bytes of text (stdout and stderr together, default
 *       {@value #DEFAULT_LIMIT}); the rest is counted, not sent, and one line at the end says how much was cut.
 *       Printing past the cap costs only the counting, so a runaway loop stays fast.</li>
 *   <li>Not closable: a cell that closes {@code System.out} (a {@code PrintWriter} around it, say) only
 *       flushes it; later cells still print.</li>
 *   <li>Output of threads a cell started goes to the cell that runs, or else to the one that ran last, as in
 *       IPython; before any cell ran, to the server's log.</li>
 * </ul>
 */
final class CellOutput {

    /** Bytes of printed text one cell may send unless BACKPROP_KIT_OUTPUT_LIMIT says otherwise (1 MiB). */
    static final long DEFAULT_LIMIT = 1 << 20;

    private static final int BUFFER = 32 * 1024;

    final PrintStream out;
    final PrintStream err;
    private final Stream outStream;
    private final Stream errStream;
    private final long limit;
    private JupyterSocket iopub;
    private ScheduledExecutorService timers;
    private boolean flushDue;
    private MessageContext request;
    private long sent;
    private long cutBytes;
    private long cutLines;
    private boolean endsWithNewline = true;

    CellOutput(long limit) {
        this.limit = limit;
        this.outStream = new Stream(StreamType.OUT, new FileOutputStream(FileDescriptor.out));
        this.errStream = new Stream(StreamType.ERR, new FileOutputStream(FileDescriptor.err));
        this.out = unclosable(outStream);
        this.err = unclosable(errStream);
    }

    /**
     * Makes these streams System.out and System.err, sent through {@code iopub} from now on; {@code timers}
     * sends what waits in a buffer.
     */
    synchronized void install(JupyterSocket iopub, ScheduledExecutorService timers) {
        this.iopub = iopub;
        this.timers = timers;
        System.setOut(out);
        System.setErr(err);
    }

    /** Sends what follows to the client of {@code request}, with a fresh allowance. */
    synchronized void startCell(MessageContext request) {
        flush();
        this.request = request;
        sent = 0;
        cutBytes = 0;
        cutLines = 0;
        endsWithNewline = true;
    }

    /** Sends what the cell printed, and a line that says how much was cut, if anything was. */
    synchronized void endCell() {
        flush();
        if (cutBytes > 0) {
            publish(new PublishStream(StreamType.OUT, (endsWithNewline ? "" : "\n") + cutNote()));
            cutBytes = 0;
            cutLines = 0;
        }
    }

    private String cutNote() {
        return String.format(Locale.ROOT, "… output cut here: %s more (%,d lines) not shown. A cell shows at most %s"
                + " of printed text (BACKPROP_KIT_OUTPUT_LIMIT).%n", size(cutBytes), cutLines, size(limit));
    }

    static String size(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }

    /** Sends what was printed so far. */
    synchronized void flush() {
        flushDue = false;
        outStream.send();
        errStream.send();
    }

    /** Sends the buffers in 100 ms, unless that is already planned (no output, no wake-ups). */
    private void flushSoon() {
        if (!flushDue && timers != null) {
            flushDue = true;
            timers.schedule(this::flush, 100, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Clears the cell's output in the notebook ({@code wait}: only when the next output arrives, which avoids
     * flicker). What is cleared no longer counts against the cap.
     */
    synchronized void clear(boolean wait) {
        flush();
        publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        sent = 0;
    }

    private synchronized <T extends ContentType<T>> void publish(T content) {
        if (iopub != null && request != null) {
            iopub.sendMessage(new Message<>(request, content.getType(), content));
        }
    }

    private static PrintStream unclosable(OutputStream stream) {
        return new PrintStream(stream, false, StandardCharsets.UTF_8) {
            @Override
            public void close() {
                flush();
            }
        };
    }

    /** One stream's buffer. All state is guarded by the enclosing CellOutput. */
    private final class Stream extends OutputStream {

        private final StreamType type;
        private final OutputStream beforeAnyCell;
        private final byte[] buffer = new byte[BUFFER];
        private int count;

        Stream(StreamType type, OutputStream beforeAnyCell) {
            this.type = type;
            this.beforeAnyCell = beforeAnyCell;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (CellOutput.this) {
                int take = (int) Math.min(length, Math.max(0, limit - sent));
                while (take > 0 && take < length && (bytes[offset + take] & 0xC0) == 0x80) {
                    take--; // do not cut a character in two
                }
                for (int k = take; k < length; k++) {
                    cutLines += bytes[offset + k] == '\n' ? 1 : 0;
                }
                cutBytes += length - take;
                sent += take;
                for (int done = 0; done < take; ) {
                    if (count == buffer.length) {
                        send();
                    }
                    int n = Math.min(take - done, buffer.length - count);
                    System.arraycopy(bytes, offset + done, buffer, count, n);
                    count += n;
                    done += n;
                }
                if (take > 0) {
                    endsWithNewline = bytes[offset + take - 1] == '\n';
                    flushSoon();
                }
            }
        }

        @Override
        public void flush() {
            // sent on CellOutput's schedule (every 100 ms, before displays, at the cell's end), not per print
        }

        @Override
        public void close() {
            // the kernel's stream: a cell cannot close it
        }

        /** Sends the buffered bytes, except an incomplete character at the end, which waits for its rest. */
        void send() {
            synchronized (CellOutput.this) {
                int end = completeCharacters();
                if (end == 0) {
                    return;
                }
                if (iopub != null && request != null) {
                    publish(new PublishStream(type, new String(buffer, 0, end, StandardCharsets.UTF_8)));
                } else {
                    try {
                        beforeAnyCell.write(buffer, 0, end);
                    } catch (java.io.IOException e) {
                        // the server's log is gone: nothing to tell it
                    }
                }
                System.arraycopy(buffer, end, buffer, 0, count - end);
                count -= end;
            }
        }

        /** The length of the buffer's longest prefix that ends on a whole UTF-8 character. */
        private int completeCharacters() {
            for (int k = count - 1; k >= Math.max(0, count - 4); k--) {
                int b = buffer[k] & 0xff;
                if (b < 0x80) {
                    return count;
                }
                if (b >= 0xC0) { // the first byte of a character: is all of it here?
                    int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                    return k + length <= count ? count : k;
                }
            }
            return count;
        }
    }
}

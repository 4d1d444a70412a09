package org.backpropkit.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.dflib.jjava.jupyter.messages.MessageContext;

/**
 * {@code System.in} for cells: each line a cell reads is asked of the notebook (the input box under the
 * cell), when the notebook allows input; otherwise the cell reads an empty stream. Interrupt ends a wait for
 * input as it ends a loop. Closing it is harmless: the next read asks again.
 */
final class CellInput extends InputStream {

    private volatile KitConnection.Stdin stdin;
    private volatile BooleanSupplier stopped = () -> false;
    private MessageContext request;
    private boolean allowed;
    private byte[] line = new byte[0];
    private int next;

    /**
     * Where questions go (until the kernel is connected, cells read an empty stream), and whether the running
     * cell was stopped, which ends a wait for an answer.
     */
    void connect(KitConnection.Stdin stdin, BooleanSupplier stopped) {
        this.stdin = stdin;
        this.stopped = stopped;
    }

    /** Cells of {@code request} read from its client when it allows input; what a previous cell left unread is dropped. */
    synchronized void startCell(MessageContext request, boolean allowed) {
        this.request = request;
        this.allowed = allowed;
        this.line = new byte[0];
        this.next = 0;
    }

    @Override
    public synchronized int read() throws IOException {
        if (next == line.length && !askForLine()) {
            return -1;
        }
        return line[next++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (next == line.length && !askForLine()) {
            return -1;
        }
        int n = Math.min(length, line.length - next);
        System.arraycopy(line, next, into, offset, n);
        next += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - next;
    }

    /** Asks the notebook for the next line; false when input is not allowed (end of stream). */
    private boolean askForLine() throws IOException {
        KitConnection.Stdin channel = stdin;
        if (!allowed || channel == null || request == null) {
            return false;
        }
        line = channel.ask(request, "", false, stopped).getBytes(StandardCharsets.UTF_8);
        next = 0;
        return true;
    }

    @Override
    public void close() {
        // System.in belongs to the kernel: a cell's try-with-resources must not take it from later cells
    }
}

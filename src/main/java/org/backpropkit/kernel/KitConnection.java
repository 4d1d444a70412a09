package org.backpropkit.kernel;

import java.io.InterruptedIOException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

/**
 * The kernel's sockets, bound only to the address and ports of the connection file.
 *
 * <p>jjava-jupyter's own shell channel sleeps 50 ms between polls (every cell pays it), lets a message with a
 * bad signature end its thread, and reads a fixed number of frames per message. This connection keeps the
 * library's heartbeat socket and replaces the others: the shell and control {@link Channel}s wait on their
 * socket and read whole messages ({@link MessageReader}); {@link Stdin} asks for input in a way an interrupt
 * can end; {@link IOPub} never drops a message and sends a display's in-place updates at most
 * {@value IOPub#UPDATES_PER_SECOND} times a second.
 */
final class KitConnection extends JupyterConnection {

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final Channel shellChannel;
    private final Channel controlChannel;
    private final Stdin stdinChannel;
    private final IOPub iopubChannel;

    KitConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.shellChannel = new Channel(context, hmac, false, this, properties.getShellPort());
        this.controlChannel = new Channel(context, hmac, true, this, properties.getControlPort());
        this.stdinChannel = new Stdin(context, hmac);
        this.iopubChannel = new IOPub(context, hmac);
    }

    /** Binds every socket, then announces "starting" (handlers must be set before, so no request is lost). */
    @Override
    public void connect() {
        bind("heartbeat", properties.getHbPort(), () -> heartbeat.bind(properties));
        bind("iopub", properties.getIopubPort(), () -> iopubChannel.bind(properties));
        bind("stdin", properties.getStdinPort(), () -> stdinChannel.bind(properties));
        bind("control", properties.getControlPort(), () -> controlChannel.bind(properties));
        bind("shell", properties.getShellPort(), () -> shellChannel.bind(properties));
        iopubChannel.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    /**
     * Binds one socket, or says which one could not be bound: a port another process took between Jupyter
     * choosing it and the kernel starting ("Address already in use") is the usual cause.
     */
    private void bind(String channel, int port, Runnable bind) {
        try {
            bind.run();
        } catch (RuntimeException e) {
            throw new PortNotBound("cannot bind the " + channel + " socket to " + properties.getIp() + ":" + port
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** A socket of the connection file could not be bound; the kernel cannot serve and must end. */
    static final class PortNotBound extends RuntimeException {
        PortNotBound(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public IOPubChannel getIOPub() {
        return iopubChannel;
    }

    /** The channel on which cells ask the notebook for input. */
    Stdin stdin() {
        return stdinChannel;
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext request) {
        return new ShellReplyEnvironment(shell, stdinChannel, iopubChannel, request) { };
    }

    @Override
    public void close() {
        shellChannel.close();
        controlChannel.close();
        stdinChannel.close();
        iopubChannel.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
    }

    /** A shell or control channel served by its own thread that blocks on the socket instead of sleeping. */
    static final class Channel extends ShellChannel {

        private final KitConnection connection;
        private final String name;
        private final int port;
        private volatile boolean running;
        private Thread thread;

        Channel(ZMQ.Context context, HMACGenerator hmac, boolean control, KitConnection connection, int port) {
            super(context, hmac, control, connection);
            this.connection = connection;
            this.name = control ? "control" : "shell";
            this.port = port;
        }

        @Override
        public void bind(KernelConnectionProperties p) {
            bind(formatAddress(p.getTransport(), p.getIp(), port));
            ZMQ.Poller poller = ctx.poller(1);
            poller.register(this, ZMQ.Poller.POLLIN);
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    if (poller.poll(100) > 0 && running) {
                        serveOne();
                    }
                }
            }, "backprop-java-" + name);
            thread.start();
        }

        @Override
        public Message<?> readMessage() {
            return MessageReader.read(this, hmacGenerator);
        }

        /** Reads and handles one message; nothing it does can end this channel's thread. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private void serveOne() {
            Message<?> message;
            try {
                message = readMessage();
            } catch (RuntimeException e) {
                ServerLog.say("dropped a message on the " + name + " channel: " + e.getMessage());
                return;
            }
            if (message == null) {
                return;
            }
            ShellHandler handler = connection.getHandler(message.getHeader().getType());
            if (handler == null) {
                return;
            }
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            try {
                handler.handle(env, message);
            } catch (Throwable e) {
                ServerLog.say(message.getHeader().getType().getName() + " failed: " + e);
            } finally {
                try {
                    env.resolveDeferrals();
                } catch (Throwable e) {
                    ServerLog.say("the reply to " + message.getHeader().getType().getName() + " failed: " + e);
                }
            }
            if (env.isMarkedForShutdown()) {
                running = false;
                new Thread(connection::close, "backprop-java-close").start();
            }
        }

        @Override
        public void close() {
            running = false;
            if (thread != null && thread != Thread.currentThread()) {
                try {
                    thread.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.close();
        }

        @Override
        public void waitUntilClose() {
            try {
                while (thread != null && thread.isAlive()) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The stdin channel. A cell that reads {@code System.in} sends an {@code input_request} and waits for the
     * answer; the wait ends with an {@link InterruptedIOException} when the cell is stopped (Kernel → Interrupt,
     * or the time limit), and answers that arrive after their question was abandoned are dropped.
     */
    static final class Stdin extends StdinChannel {

        private final ZMQ.Poller poller;

        Stdin(ZMQ.Context context, HMACGenerator hmac) {
            super(context, hmac);
            this.poller = context.poller(1);
            poller.register(this, ZMQ.Poller.POLLIN);
        }

        @Override
        public Message<?> readMessage() {
            return MessageReader.read(this, hmacGenerator);
        }

        /** Asks the client of {@code request} for a line, until {@code stopped}; returns it with its line end. */
        synchronized String ask(MessageContext request, String prompt, boolean password, BooleanSupplier stopped)
                throws InterruptedIOException {
            while (poller.poll(0) > 0) {
                readQuietly(); // an answer to a question nobody waits for any more
            }
            sendMessage(new Message<>(request, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, password)));
            while (true) {
                if (stopped.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("the wait for input was interrupted");
                }
                if (poller.poll(100) > 0) {
                    Message<?> reply = readQuietly();
                    if (reply != null && reply.getContent() instanceof InputReply answer) {
                        return answer.getValue() + System.lineSeparator();
                    }
                }
            }
        }

        private Message<?> readQuietly() {
            try {
                return readMessage();
            } catch (RuntimeException e) {
                ServerLog.say("dropped a message on the stdin channel: " + e.getMessage());
                return null;
            }
        }

        @Override
        public void close() {
            poller.close();
            super.close();
        }
    }

    /**
     * The iopub channel. ZeroMQ drops what a publisher cannot deliver once 1,000 messages wait for a slow
     * client; a flood of display updates then took a cell's error and idle status with it and left the
     * notebook "busy" forever. This channel never drops (what one cell sends is bounded by {@link CellOutput}),
     * and it paces each display's in-place updates: a burst of {@value #BURST} goes out at once, after that
     * {@value #UPDATES_PER_SECOND} a second (no screen shows more). An update that has to wait is replaced by
     * any newer one for the same display, and goes out before any other message, so the order of outputs is
     * kept and the last state always arrives.
     */
    static final class IOPub extends IOPubChannel {

        static final int BURST = 50;
        static final int UPDATES_PER_SECOND = 20;

        /** Updates a display may send now (a token bucket), and when they were last counted. */
        private static final class Allowance {
            double updates = BURST;
            long countedAt = System.nanoTime();

            boolean take(long now) {
                updates = Math.min(BURST, updates + (now - countedAt) * UPDATES_PER_SECOND / 1e9);
                countedAt = now;
                if (updates < 1) {
                    return false;
                }
                updates--;
                return true;
            }
        }

        private final Map<String, Message<?>> waiting = new LinkedHashMap<>();
        private final Map<String, Allowance> allowances = new LinkedHashMap<>();
        private final ScheduledExecutorService timer = KernelTimer.start("backprop-java-iopub");
        /** The next look at the waiting updates, while any wait (an idle kernel wakes up for nothing). */
        private ScheduledFuture<?> due;

        IOPub(ZMQ.Context context, HMACGenerator hmac) {
            super(context, hmac);
            setSndHWM(0);
        }

        @Override
        public synchronized void sendMessage(Message<?> message) {
            if (message.getHeader().getType() == MessageType.PUBLISH_UPDATE_DISPLAY_DATA) {
                String id = ((DisplayData) message.getContent()).getDisplayId();
                if (waiting.containsKey(id) || !allowances.computeIfAbsent(id, k -> new Allowance()).take(System.nanoTime())) {
                    waiting.remove(id);
                    waiting.put(id, message); // the newest state waits at the end of the line
                    if (due == null) {
                        due = timer.schedule(this::sendDue, 1000 / UPDATES_PER_SECOND, TimeUnit.MILLISECONDS);
                    }
                    return;
                }
            }
            sendWaiting();
            super.sendMessage(message);
        }

        /** Sends every update that waits (another message is about to go, and must come after them). */
        private void sendWaiting() {
            long now = System.nanoTime();
            for (Map.Entry<String, Message<?>> e : waiting.entrySet()) {
                allowances.computeIfAbsent(e.getKey(), k -> new Allowance()).take(now);
                super.sendMessage(e.getValue());
            }
            waiting.clear();
        }

        /** Sends the waiting updates whose display may send again; forgets displays with a full allowance. */
        private synchronized void sendDue() {
            long now = System.nanoTime();
            for (Iterator<Map.Entry<String, Message<?>>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Message<?>> e = it.next();
                if (allowances.get(e.getKey()).take(now)) {
                    super.sendMessage(e.getValue());
                    it.remove();
                }
            }
            allowances.entrySet().removeIf(e -> !waiting.containsKey(e.getKey())
                    && e.getValue().updates + (now - e.getValue().countedAt) * UPDATES_PER_SECOND / 1e9 >= BURST);
            due = waiting.isEmpty() ? null : timer.schedule(this::sendDue, 1000 / UPDATES_PER_SECOND, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
            super.close();
        }
    }
}

package org.backpropkit.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The kernel's sockets, bound only to the address and ports of the connection file.
 *
 * <p>jjava-jupyter's own shell channel sleeps 50 ms between polls (every cell pays it) and lets a message
 * with a bad signature end its thread (the kernel then stops answering). This connection keeps the library's
 * heartbeat, stdin and iopub sockets and replaces the shell and control channels by {@link Channel}, which
 * waits on the socket and drops (and logs) any message whose HMAC signature is wrong.
 */
final class KitConnection extends JupyterConnection {

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final Channel shellChannel;
    private final Channel controlChannel;

    KitConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.shellChannel = new Channel(context, hmac, false, this, properties.getShellPort());
        this.controlChannel = new Channel(context, hmac, true, this, properties.getControlPort());
    }

    /** Binds every socket, then announces "starting" (handlers must be set before, so no request is lost). */
    @Override
    public void connect() {
        heartbeat.bind(properties);
        iopub.bind(properties);
        stdin.bind(properties);
        controlChannel.bind(properties);
        shellChannel.bind(properties);
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public void close() {
        shellChannel.close();
        controlChannel.close();
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

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void serveOne() {
            Message<?> message;
            try {
                message = readMessage();
            } catch (SecurityException e) {
                System.err.println("backprop-java: dropped a message on the " + name + " channel: its signature is wrong");
                return;
            } catch (RuntimeException e) {
                System.err.println("backprop-java: dropped an unreadable message on the " + name + " channel: " + e);
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
            } catch (Exception e) {
                System.err.println("backprop-java: " + message.getHeader().getType().getName() + " failed: " + e);
            } finally {
                env.resolveDeferrals();
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
}

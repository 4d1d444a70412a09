package org.backpropkit.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backpropkit.check.GradientCheck;
import org.backpropkit.core.Article;
import org.backpropkit.core.Network;
import org.backpropkit.train.Trainer;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;

/**
 * Starts the {@code backprop-java} kernel: {@code java -cp backprop-kit.jar:lib/* org.backpropkit.kernel.Main
 * CONNECTION_FILE}. Jupyter writes the connection file (ports, key) and passes its path; the kernelspec that
 * {@code src/scripts/install-kernel.sh} installs does exactly this.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--warm-up")) {
            warmUp();
            return;
        }
        if (args.length != 1) {
            ServerLog.say("usage: java -cp backprop-kit.jar:lib/* org.backpropkit.kernel.Main CONNECTION_FILE"
                    + "\n(Jupyter starts the kernel this way; install it with src/scripts/install-kernel.sh)");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isReadable(file)) {
            ServerLog.say("cannot read the connection file " + file.toAbsolutePath());
            System.exit(2);
        }
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(file));

        exitWithServer(System.getenv("JPY_PARENT_PID"));
        initializeKitLoops();
        JavaKernel kernel = create(Settings.fromEnvironment(System.getenv()));
        KitConnection connection = new KitConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        try {
            connection.connect();
        } catch (KitConnection.PortNotBound e) {
            // Jupyter restarts a kernel that exits; one that keeps running unbound would leave the notebook waiting
            ServerLog.say(e.getMessage() + ": the kernel ends so that Jupyter can start it again");
            System.exit(3);
        }
        connection.waitUntilClose();
        connection.close();
        System.exit(0);
    }

    /**
     * Ends this kernel when the Jupyter server that started it ends ({@code JPY_PARENT_PID}, which Jupyter sets
     * to its own process id). A server killed with {@code kill -9} cannot shut its kernels down, and each
     * orphaned kernel would keep its memory on a shared machine for good.
     */
    static void exitWithServer(String parentPid) {
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(parentPid.trim());
        } catch (NumberFormatException e) {
            ServerLog.say("JPY_PARENT_PID=" + parentPid + " is not a process id, so the kernel does not watch its server");
            return;
        }
        ProcessHandle server = ProcessHandle.of(pid).orElse(null);
        if (server == null || !server.isAlive()) {
            ServerLog.say("the Jupyter server (process " + pid + ") is gone: the kernel ends");
            System.exit(0);
        }
        server.onExit().thenRun(() -> {
            ServerLog.say("the Jupyter server (process " + pid + ") ended: the kernel ends too");
            System.exit(0);
        });
    }

    /**
     * Initializes the classes of the kit's long loops (forward and backward passes, their products, training,
     * gradient checks) on a thread of the kernel's own while it starts, so that no cell initializes them. On
     * JDK 17 to 19 JShell stops a cell with {@code Thread.stop}; a stop that lands in a class's static
     * initializer leaves that class unusable until the kernel restarts ("Could not initialize class
     * org.backpropkit.core.Products"), so a learner who interrupted the first training cell of a session lost
     * the kit. A cell that needs a class meanwhile waits for this thread to finish it.
     */
    static void initializeKitLoops() {
        Thread warmUp = new Thread(() -> {
            try {
                Network net = Article.network();
                double[] x = Article.x(), t = Article.t();
                GradientCheck.run(net, x, t);
                Trainer.sgd(0.5).epochs(1).train(net, x, t);
            } catch (Throwable e) { // the cells will meet the same error, in their own words
                ServerLog.say("initializing the kit's classes failed: " + e);
            }
        }, "backprop-kit class initialization");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Runs a few typical cells and exits. The installer runs this once with {@code -XX:ArchiveClassesAtExit}
     * so that later starts map the classes a session needs from a class-data-sharing archive.
     */
    private static void warmUp() {
        JavaKernel kernel = create(Settings.fromEnvironment(Map.of()));
        kernel.onStartup();
        kernel.eval("int n = 1 + 1;");
        kernel.eval("String.valueOf(n)");
        kernel.eval("Derivation.of(Article.network(), Article.x(), Article.t(), \"u11\")");
        kernel.eval("Plot.activations()");
        kernel.eval("DataSet.load(\"xor\").table()");
        kernel.complete("Article.net", 11);
        kernel.onShutdown(false);
    }

    /** The kernel with the kit's magics and renderers. */
    static JavaKernel create(Settings settings) {
        MagicsRegistry registry = new MagicsRegistry();
        Magics magics = new Magics(registry);
        StringStyler styler = new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RESET_FG)
                .addSecondaryStyle(TextColor.BOLD_RED_FG).addHighlightStyle(TextColor.BOLD_RED_FG).build();
        return new JavaKernel(settings, new KitIO(), new Renderer(), magics, registry, styler, new CellHistory());
    }
}

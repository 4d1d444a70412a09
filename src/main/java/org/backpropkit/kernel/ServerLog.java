package org.backpropkit.kernel;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's own messages for whoever runs the Jupyter server: they go to the process's standard error,
 * which the server writes to its log. Never to {@code System.err}, which belongs to the learner's cells
 * (and which nbgrader would count against a cell).
 */
final class ServerLog {

    private static final PrintStream LOG = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);

    private ServerLog() {
    }

    static void say(String message) {
        LOG.println("backprop-java: " + message);
    }
}

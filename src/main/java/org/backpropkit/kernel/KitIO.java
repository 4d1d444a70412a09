package org.backpropkit.kernel;

import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/** The cell's stdout, stderr and stdin, connected to the request being served (jjava-jupyter keeps this protected). */
final class KitIO extends JupyterIO {

    KitIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Sends what the cell prints to {@code env}'s client; detaches again when the request is done. */
    void attach(ShellReplyEnvironment env, boolean stdinAllowed) {
        setEnv(env);
        env.defer(() -> retractEnv(env));
        setJupyterInEnabled(stdinAllowed);
    }
}

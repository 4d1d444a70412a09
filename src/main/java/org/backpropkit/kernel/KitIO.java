package org.backpropkit.kernel;

import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/**
 * jjava-jupyter's connection of a request to the notebook, used here for displays only ({@code display},
 * {@code updateDisplay}); what cells print and read goes through {@link CellOutput} and {@link CellInput}.
 */
final class KitIO extends JupyterIO {

    KitIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Sends the cell's displays to {@code env}'s client; detaches again when the request is done. */
    void attach(ShellReplyEnvironment env) {
        setEnv(env);
        env.defer(() -> retractEnv(env));
    }
}

package org.backpropkit.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseNotebookStatics;

/**
 * Calls a cell can make on the notebook it runs in; the kernel imports them statically into every cell:
 * jjava-jupyter's {@code display}, {@code render} and {@code updateDisplay} (inherited), and
 * {@code clearOutput}.
 *
 * <pre>{@code
 * for (int epoch = 1; epoch <= 100; epoch++) {
 *     clearOutput(true);                     // wait: the old output goes when the new one arrives
 *     System.out.println("epoch " + epoch);
 * }
 * }</pre>
 */
public final class Notebook extends BaseNotebookStatics {

    private Notebook() {
    }

    /** Clears the output of the running cell now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears the output of the running cell; with {@code wait}, only when the next output arrives, so that a
     * display redrawn in a loop does not flicker.
     */
    public static void clearOutput(boolean wait) {
        if (BaseKernel.notebookKernel() instanceof JavaKernel kernel) {
            kernel.clearOutput(wait);
        }
    }
}

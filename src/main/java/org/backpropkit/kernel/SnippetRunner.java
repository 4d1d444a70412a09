package org.backpropkit.kernel;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets in the kernel's own JVM (JShell's "local" engine): reads back the live objects they
 * produce, so renderers see objects rather than strings; keeps classes that call {@code System.exit} from
 * running ({@link ExitGuard}); and stops a cell's code.
 *
 * <p>JShell compiles each snippet to a wrapper class and runs it on a new thread, in a new thread group below
 * the group of the thread that asked; a variable's value lives in a static field of its wrapper.
 *
 * <p>Stopping: {@link LocalExecutionControl#stop()} stops a cell's own code (with {@code Thread.stop} on
 * JDK 17, by checks compiled into the snippet's loops on JDK 20 and later), but not a loop inside a library
 * such as the kit's {@code Trainer}. So {@link #stopCell} also sets the interrupt flag of every thread the
 * running snippet started, which the kit's long loops watch, and a snippet that has not started yet does not
 * start.
 */
final class SnippetRunner extends LocalExecutionControl {

    private final Set<String> refused = new HashSet<>();
    private volatile boolean stopping;
    /** The thread that waits for the running snippet, and the first thread id that snippet may have. */
    private volatile Thread waiting;
    private volatile long firstIdOfSnippet;

    /** Clears the last cell's stop request (and any interrupt flag left on the calling thread). */
    void startCell() {
        stopping = false;
        Thread.interrupted();
    }

    /** Stops the running snippet and keeps the rest of the cell from starting. */
    void stopCell() {
        stopping = true;
        Thread caller = waiting;
        if (caller == null) {
            return;
        }
        long first = firstIdOfSnippet;
        ThreadGroup group = caller.getThreadGroup();
        Thread[] threads = new Thread[group.activeCount() + 16];
        int n = group.enumerate(threads, true);
        for (int k = 0; k < n; k++) {
            // threads of the snippet's own group (below the caller's), started since the snippet began
            if (threads[k].getThreadGroup() != group && threads[k].getId() >= first) {
                threads[k].interrupt();
            }
        }
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        for (ClassBytecodes c : classes) {
            if (ExitGuard.callsExit(c.bytecodes())) {
                synchronized (refused) {
                    refused.add(c.name());
                }
            }
        }
        super.load(classes);
    }

    /** The classes loaded since the last call whose code calls System.exit (they must not run). */
    Set<String> takeRefused() {
        synchronized (refused) {
            Set<String> out = Set.copyOf(refused);
            refused.clear();
            return out;
        }
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, InternalException,
            EngineTerminationException {
        synchronized (refused) {
            if (refused.contains(className)) {
                throw new UserException(ExitGuard.MESSAGE, ExitGuard.REFUSED, new StackTraceElement[0]);
            }
        }
        if (stopping) {
            throw new StoppedException();
        }
        waiting = Thread.currentThread();
        firstIdOfSnippet = new Thread(() -> { }).getId(); // ids grow: the snippet's threads get larger ones
        try {
            return super.invoke(className, methodName);
        } finally {
            waiting = null;
        }
    }

    /** The live value of the static field {@code name} of wrapper class {@code className}, or null. */
    Object value(String className, String name) {
        try {
            Field field = findClass(className).getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Hands this runner to JShell as its execution engine. */
    ExecutionControlProvider provider() {
        SnippetRunner self = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "backprop-kit";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return self;
            }
        };
    }
}

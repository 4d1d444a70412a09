package org.backpropkit.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
 *
 * <p>Values: JShell makes a string of every value a snippet leaves (its {@code toString}, or each element of an
 * array, boxed), on the kernel's thread once the snippet is done. The kernel never reads that string: it takes
 * the live object from the wrapper and renders it itself. So the snippet runs through {@link #runSnippet},
 * which hands JShell no value: declaring a 2048 × 784 {@code Matrix} took 5 s, and a {@code double[2048][784]}
 * 1 s, for a string thrown away (and a {@code toString} that never ended would hold the kernel past Interrupt).
 */
final class SnippetRunner extends LocalExecutionControl {

    /**
     * The snippet method to run, for the thread JShell starts to run it: that thread is made by the one that
     * calls {@link #invoke(Method)}, so it inherits the value.
     */
    private static final InheritableThreadLocal<Method> SNIPPET = new InheritableThreadLocal<>();
    private static final Method RUN_SNIPPET;

    static {
        try {
            RUN_SNIPPET = SnippetRunner.class.getDeclaredMethod("runSnippet");
            RUN_SNIPPET.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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

    /** Runs the snippet on JShell's thread for it, as JShell would, but gives JShell {@code null} as its value. */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        SNIPPET.set(doitMethod);
        try {
            return super.invoke(RUN_SNIPPET);
        } finally {
            SNIPPET.remove();
        }
    }

    /**
     * Calls the snippet method handed to this thread and returns nothing; what the snippet throws comes out
     * as it is, so JShell sees the same exception (a stop included).
     */
    private static Object runSnippet() throws Throwable {
        Method snippet = SNIPPET.get();
        SNIPPET.remove(); // threads the snippet starts need not carry it
        try {
            snippet.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return null;
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

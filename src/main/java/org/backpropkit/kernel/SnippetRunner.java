package org.backpropkit.kernel;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets in the kernel's own JVM (JShell's "local" engine), and keeps hold of the objects
 * they produce so that renderers see live objects, not strings.
 *
 * <p>JShell compiles each snippet to a wrapper class and invokes it; a variable's value lives in a static
 * field of its wrapper. We note which wrapper class each invocation ran, so a variable can be read back.
 * Stopping a runaway cell is {@link LocalExecutionControl#stop()}, which works without
 * {@code Thread.stop} on new JDKs.
 */
final class SnippetRunner extends LocalExecutionControl {

    private volatile String lastClass;
    private final Map<String, String> classOfVariable = new ConcurrentHashMap<>();

    @Override
    public String invoke(String className, String methodName) throws RunException, InternalException,
            EngineTerminationException {
        lastClass = className;
        return super.invoke(className, methodName);
    }

    /** Records that variable {@code name} was just defined by the last invoked snippet. */
    void defined(String name) {
        if (lastClass != null) {
            classOfVariable.put(name, lastClass);
        }
    }

    /** The live value of variable {@code name}, or null when it is unknown. */
    Object value(String name) {
        String className = classOfVariable.get(name);
        if (className == null) {
            return null;
        }
        try {
            Field field = findClass(className).getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
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

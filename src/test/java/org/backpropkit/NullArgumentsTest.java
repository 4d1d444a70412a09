package org.backpropkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.backpropkit.check.Check;
import org.backpropkit.check.GradientCheck;
import org.backpropkit.check.GradientReport;
import org.backpropkit.core.Activation;
import org.backpropkit.core.Article;
import org.backpropkit.core.Backprop;
import org.backpropkit.core.ForwardPass;
import org.backpropkit.core.Gradients;
import org.backpropkit.core.Loss;
import org.backpropkit.core.Matrix;
import org.backpropkit.core.Network;
import org.backpropkit.core.Notation;
import org.backpropkit.core.Parameter;
import org.backpropkit.data.DataSet;
import org.backpropkit.data.Examples;
import org.backpropkit.data.HistoryTable;
import org.backpropkit.data.Split;
import org.backpropkit.data.Standardization;
import org.backpropkit.plot.ConfusionMatrix;
import org.backpropkit.plot.DigitGrid;
import org.backpropkit.plot.Plot;
import org.backpropkit.plot.Scale;
import org.backpropkit.train.History;
import org.backpropkit.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * Every public method of the library's packages (core, check, train, data, plot) called with {@code null}
 * in each of its object arguments, one at a time, the other arguments valid: each must refuse at the door
 * with an {@link IllegalArgumentException} whose message says which argument is null — never a
 * NullPointerException from deep inside, and never a null kept to fail later ({@code hidden(null)}).
 *
 * <p>The methods are found by reflection, so a new public method is covered the day it is written. The
 * few arguments where null means something (a hint that is optional) are listed in {@link #NULL_ALLOWED}.
 */
class NullArgumentsTest {

    private static final List<Class<?>> CLASSES = List.of(Network.class, Network.Builder.class, Matrix.class,
            Parameter.class, Notation.class, Gradients.class, ForwardPass.class, Backprop.class, Article.class,
            GradientCheck.class, GradientReport.class, Check.class, Trainer.class, History.class, DataSet.class,
            DataSet.Inputs.class, Examples.class, Split.class, Standardization.class, HistoryTable.class, Plot.class,
            ConfusionMatrix.class, DigitGrid.class);

    /** Arguments where null is documented to mean something. */
    private static final Set<String> NULL_ALLOWED = Set.of(
            "Check.close(String, double, double, double, String)#4",  // no hint
            "Check.that(String, boolean, String)#2",                  // no hint
            "DigitGrid.draw(Matrix, int[], String[], String[], String)#3", // no answers under the images
            "Matrix.equals(Object)#0", "Parameter.equals(Object)#0");

    @TempDir
    static Path folder;

    private static final Map<Class<?>, Supplier<Object>> VALID = new LinkedHashMap<>();

    static {
        VALID.put(String.class, () -> "w11");
        VALID.put(String[].class, () -> new String[] {"w11"});
        VALID.put(double[].class, Article::x);
        VALID.put(double[][].class, () -> new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}});
        VALID.put(int[].class, () -> new int[] {2, 3, 2});
        VALID.put(Network.class, Article::network);
        VALID.put(Matrix.class, () -> Matrix.row(Article.x()));
        VALID.put(Activation.class, () -> Activation.SIGMOID);
        VALID.put(Activation[].class, () -> new Activation[] {Activation.SIGMOID});
        VALID.put(Loss.class, () -> Loss.L2);
        VALID.put(Parameter.class, () -> Article.network().parameter("w11"));
        VALID.put(History.class, NullArgumentsTest::history);
        VALID.put(History[].class, () -> new History[] {history()});
        VALID.put(Scale.class, () -> Scale.LOG);
        VALID.put(Map.class, () -> Map.of("run", history()));
        VALID.put(List.class, () -> List.of("a", "b"));
        VALID.put(Path.class, () -> folder.resolve("out.png"));
        VALID.put(XYChart.class, () -> Plot.loss(history()));
        VALID.put(Table.class, () -> HistoryTable.of(history()));
        VALID.put(Examples.class, () -> DataSet.load("xor").inputs("x1", "x2").targets("t"));
        VALID.put(Standardization.class, () -> Standardization.fit(Matrix.row(Article.x())));
        VALID.put(GradientReport.class, () -> GradientCheck.run(Article.network(), Article.x(), Article.t()));
        VALID.put(ConfusionMatrix.class, () -> ConfusionMatrix.of(Matrix.row(0.2, 0.8), Matrix.row(0, 1),
                List.of("a", "b")));
        VALID.put(ToDoubleFunction.class, () -> (ToDoubleFunction<Parameter>) p -> 0.0);
        VALID.put(Trainer.EpochListener.class, () -> (Trainer.EpochListener) (epoch, loss) -> { });
        VALID.put(Object.class, () -> "something");
    }

    private static History history() {
        return Trainer.sgd(0.5).epochs(3).track("w11").train(Article.network(), Article.x(), Article.t());
    }

    /** An object to call an instance method on. */
    private static Object receiver(Class<?> type) throws IOException {
        if (type == Network.Builder.class) {
            return Network.of(2, 3, 2);
        }
        if (type == Notation.class) {
            return Article.network().notation();
        }
        if (type == Gradients.class) {
            return Article.network().gradients(Article.x(), Article.t());
        }
        if (type == ForwardPass.class) {
            return Article.network().forward(Article.x());
        }
        if (type == Backprop.class) {
            return new Backprop(Article.network(), 1);
        }
        if (type == Trainer.class) {
            return Trainer.sgd(0.5);
        }
        if (type == DataSet.class) {
            return DataSet.load("xor");
        }
        if (type == DataSet.Inputs.class) {
            return DataSet.load("xor").inputs("x1", "x2");
        }
        if (type == Split.class) {
            return DataSet.load("moons").inputs("x1", "x2").targets("t").split(0.8, 1);
        }
        Supplier<Object> valid = VALID.get(type);
        if (valid == null) {
            throw new AssertionError("no receiver for " + type.getSimpleName());
        }
        return valid.get();
    }

    private static Object valid(Class<?> type) {
        if (type.isPrimitive()) {
            return type == int.class ? 1 : type == long.class ? 1L : type == boolean.class ? true : 0.5;
        }
        Supplier<Object> valid = VALID.get(type);
        if (valid == null) {
            throw new AssertionError("no valid sample of " + type.getName() + "; add one to VALID");
        }
        return valid.get();
    }

    private static String signature(Class<?> type, Method m) {
        List<String> params = new ArrayList<>();
        for (Class<?> p : m.getParameterTypes()) {
            params.add(p.getSimpleName());
        }
        return type.getSimpleName() + "." + m.getName() + "(" + String.join(", ", params) + ")";
    }

    @Test
    void everyPublicMethodRefusesNullArgumentsByName() throws Exception {
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Class<?> type : CLASSES) {
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.getName().equals("main")) {
                    continue;
                }
                Class<?>[] params = m.getParameterTypes();
                for (int k = 0; k < params.length; k++) {
                    if (params[k].isPrimitive() || NULL_ALLOWED.contains(signature(type, m) + "#" + k)) {
                        continue;
                    }
                    Object[] args = new Object[params.length];
                    for (int a = 0; a < params.length; a++) {
                        args[a] = a == k ? null : valid(params[a]);
                    }
                    Object target = Modifier.isStatic(m.getModifiers()) ? null : receiver(type);
                    calls++;
                    problems.addAll(check(signature(type, m) + " with argument " + (k + 1) + " null", m, target, args));
                    if (params[k].isArray() && !params[k].getComponentType().isPrimitive()) {
                        Object[] withNullElement = args.clone();
                        Object array = Array.newInstance(params[k].getComponentType(), 1);
                        withNullElement[k] = array;
                        calls++;
                        problems.addAll(check(signature(type, m) + " with a null element in argument " + (k + 1), m,
                                Modifier.isStatic(m.getModifiers()) ? null : receiver(type), withNullElement));
                    }
                }
            }
        }
        assertTrue(calls > 100, "only " + calls + " calls: is the list of classes right?");
        assertTrue(problems.isEmpty(), problems.size() + " of " + calls + " calls with null did not say so:\n"
                + String.join("\n", problems));
    }

    private static List<String> check(String call, Method m, Object target, Object[] args) {
        try {
            m.invoke(target, args);
            return List.of(call + ": accepted");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null
                    && cause.getMessage().contains("null")) {
                return List.of();
            }
            return List.of(call + ": " + cause);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theMessageNamesTheArgumentAndWhatToGive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.of(2, 3, 1).hidden(null));
        assertEquals(
                "the hidden activation is null; give one of SIGMOID, TANH, RELU, IDENTITY, e.g. hidden(Activation.TANH)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.sgd(0.5).track("w11", null));
        assertEquals("the names given to track(…) hold null in place 2 of 2", e.getMessage());
    }
}

package org.backpropkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exit guard reads what compiled code calls, whatever the source's spelling, and ignores mere text. */
class ExitGuardTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "class A { void f() { System.exit(1); } }                                           | true",
        "class B { void f() { var rt = Runtime.getRuntime(); rt.halt(2); } }                | true",
        "class C { void f() { Runtime.getRuntime().exit(3); } }                             | true",
        "class D { Runnable r = () -> System.exit(0); }                                     | true",
        "class E { java.util.function.IntConsumer c = System::exit; }                       | true",
        "class F { String s = \"System.exit(0)\"; /* Runtime.getRuntime().halt(1); */ }     | false",
        "class G { void exit(int c) { } void f() { exit(3); } }                             | false",
        "class H { long big = 1L << 40; double d = 2.5; void f() { System.out.println(big + d); } } | false",
    })
    void findsCallsToExitInTheClassFile(String source, boolean expected) {
        assertEquals(expected, ExitGuard.callsExit(compile(source)));
    }

    /** The bytes of the first class that {@code source} (one top-level class) compiles to. */
    private static byte[] compile(String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String name = source.split("\\s+")[1];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JavaFileManager files = new ForwardingJavaFileManager<>(javac.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return className.equals(name) ? bytes : new ByteArrayOutputStream();
                    }
                };
            }
        };
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        if (!javac.getTask(null, files, null, List.of("--release", "17"), null, List.of(file)).call()) {
            throw new AssertionError("does not compile: " + source);
        }
        return bytes.toByteArray();
    }
}

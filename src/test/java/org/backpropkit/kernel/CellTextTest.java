package org.backpropkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which snippets may run together in one block: plain statements only, never a declaration. */
class CellTextTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"total += 3;", "x++;", "++x;", "a.b.c = 4;", "System.out.println(x);", "few[0]++;",
        "if (x > 0) x--;", "for (int i = 0; i < 3; i++) { s += i; }", "{ int local = 1; }", "shifted >>>= 2;",
        "Trainer.sgd(0.5).epochs(10).train(net, x, t);", "try { f(); } catch (Exception e) { }", "display(chart);"})
    void plainStatements(String snippet) {
        assertEquals(true, CellText.isPlainStatement(snippet));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"int x = 1;", "var n = 3;", "Network net = Network.of(2, 3, 1).seed(1);",
        "Map<String, List<Integer>> m = new HashMap<>();", "int[] a = new int[3];", "Foo[] fs = {};",
        "double twice(double v) { return 2 * v; }", "class Box { }", "record P(int x) { }", "import java.io.*;",
        "final int k = 2;", "x + 1;", "x == 3;", "total", "x++", "new Object();", "label: for (;;) { break label; }",
        "java.util.List.<String>of();", "x -> 1;"})
    void notPlainStatements(String snippet) {
        assertEquals(false, CellText.isPlainStatement(snippet));
    }

    @Test
    void codeStartsAfterBlanksAndComments() {
        CellText cell = new CellText("  // a comment\n /* block */\n%time 1 + 1");
        int at = cell.codeStart(0, cell.text().length());
        assertEquals('%', cell.text().charAt(at));
        assertEquals(true, cell.isMagicLine(at));
        assertEquals(3, cell.lineOf(at));
    }

    @Test
    void aPercentIsAMagicOnlyAtTheStartOfItsLine() {
        for (String text : new String[] {"  %jars x.jar", "\t%%time", "int a = 1;\n%time a"}) {
            assertEquals(true, new CellText(text).isMagicLine(text.indexOf('%')), text);
        }
        String code = "int r = 17 %5;";
        assertEquals(false, new CellText(code).isMagicLine(code.indexOf('%')));
    }
}

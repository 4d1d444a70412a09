"""The kernel through a real Jupyter client: what a learner does, and what a learner does by mistake."""
import os
import subprocess
import textwrap
import time
import uuid

import pytest
from jupyter_client.session import Session

from conftest import Kernel


def test_last_expression_is_the_result_and_output_streams(kernel):
    cell = kernel.run('System.out.println("step 1");\nint n = 20;\nn + 22')
    assert cell.status == "ok"
    assert cell.stdout == "step 1\n"
    assert cell.text == "42"


def test_a_value_becomes_text_only_when_it_is_shown(kernel):
    # JShell would make a string of every value a snippet leaves, with toString, on the kernel's thread: a
    # 2048 × 784 Matrix took 5 s to declare. The kernel takes the live object and renders only what it shows.
    kernel.run("int[] calls = {0};\n"
               "class Counted { public String toString() { calls[0]++; return \"counted\"; } }")
    assert kernel.run("Counted declared = new Counted();\nCounted[] many = {declared, declared};").status == "ok"
    assert kernel.run("calls[0]").text == "0"  # declared, not shown: no toString
    assert kernel.run("declared").text == "counted"
    assert kernel.run("calls[0]").text == "1"  # shown once: one toString
def test_kit_is_imported_and_derivation_renders_as_latex(kernel):
    cell = kernel.run('Derivation.of(Article.network(), Article.x(), Article.t(), "u11")')
    assert cell.status == "ok", cell.error
    assert "\\frac{\\partial L}{\\partial u_{11}}" in cell.data["text/markdown"]
    assert "∂L/∂u₁₁" in cell.data["text/plain"]


def test_chart_is_a_png_and_table_is_bounded_html(kernel):
    chart = kernel.run("Plot.activations()")
    png = chart.data["image/png"]
    assert png.startswith("iVBORw0KGgo")  # base64 of the PNG signature
    table = kernel.run('DataSet.load("iris").table()')
    html = table.data["text/html"]
    assert "150 rows" in html and html.count("<tr>") == 21  # header + 20 rows
    assert "130 more rows" in html


def test_an_image_is_a_png_with_a_plain_text_that_names_its_size(kernel):
    cell = kernel.run("new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)")
    assert cell.status == "ok", cell.error
    assert cell.data["image/png"].startswith("iVBORw0KGgo")
    assert cell.data["text/plain"] == "[image: 3 × 2 pixels]"  # not toString's hash, which differs every run


def test_compile_error_shows_the_code_with_a_marker(kernel):
    cell = kernel.run('int a = 1;\nString s = a;')
    assert cell.status == "error"
    assert cell.error["ename"] == "CompileError"
    assert "int cannot be converted to java.lang.String" in cell.error["evalue"]
    text = "\n".join(cell.error["traceback"])
    assert "  2 | String s = a;" in text and "^" in text
    assert "REPL" not in text and "jdk.jshell" not in text


def test_runtime_error_names_the_exception_and_the_line_of_the_cell(kernel):
    cell = kernel.run('double[] x = {1, 2};\nint k = 2;\ndouble v = x[k];')
    assert cell.error["ename"] == "ArrayIndexOutOfBoundsException"
    text = "\n".join(cell.error["traceback"])
    assert "at line 3 of this cell" in text
    assert "REPL." not in text and "jdk.internal" not in text and "java.lang.reflect" not in text


def test_kit_errors_reach_the_learner_with_their_message(kernel):
    cell = kernel.run("Article.network().forward(new double[3])")
    assert cell.error["ename"] == "IllegalArgumentException"
    assert "x has 3 values, the network takes 2" in cell.error["evalue"]


def test_interrupt_stops_a_runaway_loop_and_keeps_the_state(kernel):
    kernel.run("int before = 7;")
    msg_id = kernel.send("long spins = 0;\nwhile (true) { spins++; }")
    time.sleep(1.5)
    kernel.km.interrupt_kernel()
    reply = kernel.reply_to(msg_id, timeout=20)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    kernel.drain_iopub()
    assert kernel.run("before * 6").text == "42"


def test_system_exit_is_refused_and_the_kernel_keeps_its_state(kernel):
    kernel.run("int kept = 5;")
    for code in ["System.exit(0);", "Runtime.getRuntime().halt(1);", "if (kept > 0) {\n  System . exit (3);\n}"]:
        cell = kernel.run(code)
        assert cell.error["ename"] == "SystemExitRefused", code
    assert kernel.run('"System.exit(0) in a string is fine"; // System.exit(1)').status == "ok"
    assert kernel.run("kept").text == "5"


def test_stack_overflow_and_out_of_memory_leave_a_working_kernel(kernel):
    kernel.run("int kept2 = 9;")
    cell = kernel.run("int down(int n) { return down(n + 1) + 1; }\ndown(0)")
    assert cell.error["ename"] == "StackOverflowError"
    assert "more times" in "\n".join(cell.error["traceback"])  # the repeated frame is folded
    cell = kernel.run("double[] huge = new double[400_000_000];")  # 3.2 GB, beyond the kernel's heap
    assert cell.error["ename"] == "OutOfMemoryError"
    assert kernel.run("kept2 + 1").text == "10"


def test_redefinition_keeps_variables_and_rerun_gives_the_same_result(kernel):
    kernel.run("double twice(double v) { return 2 * v; }\ndouble kept3 = twice(21);")
    kernel.run("double twice(double v) { return v + v + 0.0; }")
    kernel.run("import java.util.function.*;")
    assert kernel.run("kept3").text == "42.0"
    assert kernel.run("twice(4)").text == "8.0"
    cell = "Network n2 = Network.of(2, 3, 2).seed(7);\nn2.forward(new double[] {1, 2})"
    first = kernel.run(cell).text
    assert first is not None and kernel.run(cell).text == first


def test_display_and_update_display_share_one_id(kernel):
    cell = kernel.run('String id = display("epoch 0");\nfor (int e = 1; e <= 3; e++) updateDisplay(id, "epoch " + e);\nid')
    shown = cell.of_type("display_data")
    updates = cell.of_type("update_display_data")
    display_id = shown[0]["transient"]["display_id"]
    assert cell.text.strip('"') == display_id
    assert [u["data"]["text/plain"] for u in updates] == ["epoch 1", "epoch 2", "epoch 3"]
    assert all(u["transient"]["display_id"] == display_id for u in updates)


def test_jars_magic_adds_a_jar_the_test_builds(kernel, tmp_path):
    src = tmp_path / "src" / "greet"
    src.mkdir(parents=True)
    (src / "Hello.java").write_text("package greet; public class Hello { public static String hi() { return \"hi from a jar\"; } }")
    subprocess.run(["javac", "--release", "17", "-d", str(tmp_path / "classes"), str(src / "Hello.java")], check=True)
    (tmp_path / "lib").mkdir()
    subprocess.run(["jar", "cf", str(tmp_path / "lib" / "hello.jar"), "-C", str(tmp_path / "classes"), "."], check=True)
    cell = kernel.run(f"%jars {tmp_path}/lib/*.jar\ngreet.Hello.hi()")
    assert cell.status == "ok", cell.error
    assert "hello.jar" in cell.stdout
    assert cell.text == "hi from a jar"
    missing = kernel.run(f"%jars {tmp_path}/nothing/*.jar")
    assert missing.error["ename"] == "MagicError" and "no file matches" in missing.error["evalue"]


def test_load_magic_runs_a_script_and_time_magic_reports(kernel, tmp_path):
    script = tmp_path / "helpers.jsh"
    script.write_text("double square(double v) { return v * v; }\n")
    assert kernel.run(f"%load {script}\nsquare(3)").text == "9.0"
    timed = kernel.run("%%time\nint s = 0;\nfor (int i = 0; i < 1000; i++) s += i;\ns")
    assert timed.text == "499500" and timed.stdout.startswith("Wall time: ")
    assert kernel.run("%nosuchmagic").error["ename"] == "UnknownMagic"


def test_maven_magic_explains_a_failure(kernel):
    cell = kernel.run("%maven org.backpropkit.nonexistent:nothing:0.0.1", timeout=300)
    assert cell.error["ename"] == "MagicError"
    assert "could not resolve org.backpropkit.nonexistent:nothing:0.0.1" in cell.error["evalue"]
    assert "%jars" in cell.error["evalue"]  # what to do offline


def test_assertions_are_enabled(kernel):
    cell = kernel.run("assert 1 > 2 : \"asserts run\";")
    assert cell.error["ename"] == "AssertionError" and "asserts run" in cell.error["evalue"]


def test_a_message_with_a_forged_signature_is_dropped(kernel, tmp_path):
    marker = tmp_path / "forged-ran"
    forger = Session(key=b"not-the-key", username="mallory")
    code = f'java.nio.file.Files.writeString(java.nio.file.Path.of("{marker}"), "pwned");'
    forger.send(kernel.kc.shell_channel.socket, "execute_request",
                {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                 "allow_stdin": False, "stop_on_error": True})
    time.sleep(1.0)
    assert kernel.run("1 + 1").text == "2"  # still serving the real client
    assert not marker.exists()
    # the same code, correctly signed, does run: the forged copy failed only for its signature
    assert kernel.run(code).status == "ok" and marker.exists()


def test_completion_and_inspection(kernel):
    kernel.kc.complete("Network net5 = Article.netw")
    reply = kernel.kc.get_shell_msg(timeout=10)["content"]
    assert "network()" in reply["matches"]
    kernel.kc.inspect("Article.network", 10)
    reply = kernel.kc.get_shell_msg(timeout=10)["content"]
    assert reply["found"] and "Network Article.network()" in reply["data"]["text/plain"]


def test_shift_tab_on_a_kit_member_shows_the_formula_of_its_javadoc(kernel):
    """Jupyter's Shift-Tab sends detail_level 0; the kit's javadoc comes from its sources jar."""
    msg_id = kernel.kc.inspect("Activation.SIGMOID", len("Activation.SIGMOID"), detail_level=0)
    text = kernel.reply_to(msg_id)["content"]["data"]["text/plain"]
    assert "Activation.SIGMOID" in text and "σ(a) = 1 / (1 + e^(−a))" in text, text
    assert "{@code" not in text
    msg_id = kernel.kc.inspect("Trainer.sgd(", len("Trainer.sgd("), detail_level=0)
    text = kernel.reply_to(msg_id)["content"]["data"]["text/plain"]
    assert "Trainer Trainer.sgd(double" in text and "learning rate η" in text, text


def test_clear_output_waits_for_what_was_printed_before_it(kernel):
    cell = kernel.run('System.out.println("old");\nclearOutput(true);\nSystem.out.println("new");')
    kinds = [(m["msg_type"], m["content"].get("text", m["content"].get("wait"))) for m in cell.messages
             if m["msg_type"] in ("stream", "clear_output")]
    assert kinds == [("stream", "old\n"), ("clear_output", True), ("stream", "new\n")]


def test_the_kernels_own_threads_never_belong_to_a_cell(kernel):
    """JShell waits at the end of a snippet for every thread of the snippet's group: a kernel thread born
    inside a cell (a timer started lazily by the cell's first print, say) would hang that cell."""
    kernel.run('System.out.println("a first print");\nString shown = display("x");\n'
               'for (int i = 0; i < 200; i++) updateDisplay(shown, "x" + i);')
    cell = kernel.run('Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("backprop-java"))'
                      '.map(t -> t.getName() + " in " + t.getThreadGroup().getName()).sorted().collect(Collectors.joining(", "))')
    assert "backprop-java-timers in main" in cell.text and "backprop-java-iopub in main" in cell.text, cell.text
    assert "JShell" not in cell.text, cell.text


def test_many_consecutive_starts():
    """Start-up must be race-free: every one of several quick starts answers."""
    for _ in range(int(os.environ.get("BACKPROP_KIT_STARTS", "5"))):
        k = Kernel()
        try:
            assert k.run("1").text == "1"
        finally:
            k.close()

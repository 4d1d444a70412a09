"""Issue 16: what a room of careless learners (and their instructor) does to the kernel, through a real client.

Each test plants one mistake and asserts that the kernel answers with a message in the learner's terms and
keeps serving. The numbers in the comments are the issue's point numbers.
"""
import os
import signal
import subprocess
import sys
import textwrap
import time

from conftest import KERNEL, Kernel

MIB = 1 << 20
OUTPUT_LIMIT = MIB  # what one cell may print by default (docs/kernel.md, "Limits")


def started(kernel, code, marker="cell started"):
    """Sends code after a line that prints marker; returns the msg_id once the marker came back (it runs)."""
    msg_id = kernel.send(f'System.out.println("{marker}");\n{code}')
    kernel.wait_for_iopub(lambda m: m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream"
                          and marker in m["content"]["text"])
    return msg_id


def alive(pid):
    """True while process pid runs (a zombie waiting for its reaper counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


# 1 ──────────────────────────────────────────────────────────────────────────────────────────────────────

def test_interrupt_and_time_limit_stop_long_kit_loops_and_keep_the_network():
    """A long Trainer.train and a long GradientCheck.run stop within seconds; the network stays usable.

    JShell stops only a cell's own code on JDK 20 and later; the kit's loops watch the interrupt flag the
    kernel sets on the cell's thread, and say how far they got (on JDK 17 JShell's Thread.stop may end them
    before they can)."""
    k = Kernel()
    try:
        says_how_far = k.java_feature() >= 20
        k.run('Network slow = Network.of(2, 500, 500, 1).seed(1);\n'
              'Examples xor = DataSet.load("xor").inputs("x1", "x2").targets("t");')
        for long_loop, how_far in [("Trainer.sgd(0.1).epochs(1_000_000).train(slow, xor.x(), xor.t());",
                                    "Training interrupted in epoch"),
                                   # about 5e9 multiply-adds: long, but under the size GradientCheck refuses outright
                                   ("GradientCheck.run(Network.of(2, 220, 220, 1).seed(1), new double[2], new double[1]);",
                                    "Gradient check interrupted at parameter")]:
            msg_id = started(k, long_loop)
            k.km.interrupt_kernel()
            reply = k.reply_to(msg_id, timeout=10)["content"]
            assert reply["status"] == "error" and reply["ename"] == "Interrupted", long_loop
            assert not says_how_far or how_far in "\n".join(reply["traceback"]), reply["traceback"]
            k.drain_iopub()
            assert k.run("slow.forward(new double[] {0, 1})").status == "ok"
    finally:
        k.close()
    limited = Kernel(env={"BACKPROP_KIT_TIMEOUT": "2000"})
    try:
        limited.run('Examples xor = DataSet.load("xor").inputs("x1", "x2").targets("t");')
        cell = limited.run("Trainer.sgd(0.1).epochs(1_000_000).train(Network.of(2, 500, 500, 1).seed(2), xor.x(), xor.t());",
                           timeout=15)
        assert cell.error["ename"] == "Interrupted"
        assert limited.run("1 + 1").text == "2"
    finally:
        limited.close()


# 2 ──────────────────────────────────────────────────────────────────────────────────────────────────────

def test_closing_system_out_does_not_silence_later_cells(kernel):
    cell = kernel.run('var out = new java.io.PrintWriter(System.out);\nout.println("x");\nout.close();')
    assert cell.status == "ok" and cell.stdout == "x\n"
    assert kernel.run('System.err.close();\nSystem.out.println("still here");').stdout == "still here\n"
    assert kernel.run('%%time\nint closedBefore = 1;').stdout.startswith("Wall time: ")
    assert kernel.run('System.err.println("err too");').stderr == "err too\n"


# 3 ──────────────────────────────────────────────────────────────────────────────────────────────────────

def test_an_error_on_the_shell_thread_ends_the_cell_and_the_kernel_serves(kernel):
    # The kernel calls toString to show the result, on its own thread, outside the cell's code (JShell's own
    # record of the value calls nothing: test_kernel.py). It throws an Error there, as an OutOfMemoryError would.
    cell = kernel.run("new Object() {\n  public String toString() {\n"
                      "    throw new OutOfMemoryError(\"planted while showing the result\");\n  }\n}", timeout=20)
    assert cell.status == "error" and cell.error["ename"] == "OutOfMemoryError"
    assert "planted while showing the result" in cell.error["evalue"]
    assert kernel.run("6 * 7").text == "42"


def test_a_cell_of_five_thousand_statements_runs(kernel):
    """JShell's cost per snippet grows with the snippets before it; the kernel runs runs of statements as one."""
    code = "int total = 0;\n" + "".join(f"total += {k % 7};\n" for k in range(5000)) + "total"
    cell = kernel.run(code, timeout=120)
    assert cell.status == "ok", cell.error
    assert cell.text == str(sum(k % 7 for k in range(5000)))
    failing = kernel.run("int[] few = new int[3];\n" + "few[0]++;\n" * 300 + "few[7]++;\n" + "few[1]++;\n" * 300)
    assert failing.error["ename"] == "ArrayIndexOutOfBoundsException"
    assert "at line 302 of this cell" in "\n".join(failing.error["traceback"])
    assert kernel.run("few[0] + \",\" + few[1]").text == "300,0"  # the cell stopped at line 302


# 4 ──────────────────────────────────────────────────────────────────────────────────────────────────────

def test_printed_output_is_capped_and_says_how_much_was_cut(kernel):
    cell = kernel.run('for (int i = 0; i < 2_000_000; i++) System.out.println("line " + i);', timeout=120)
    assert cell.status == "ok"
    assert OUTPUT_LIMIT <= len(cell.stdout.encode()) <= OUTPUT_LIMIT + 1000
    assert cell.stdout.startswith("line 0\nline 1\n")
    note = cell.stdout.splitlines()[-1]
    assert "cut" in note and "lines" in note and "MB" in note, note
    assert kernel.run('System.out.println("next cell");').stdout == "next cell\n"  # the limit is per cell


def test_a_huge_result_is_cut_and_says_so(kernel):
    cell = kernel.run('"y".repeat(20_000_000)', timeout=120)
    assert cell.status == "ok"
    assert len(cell.text.encode()) <= OUTPUT_LIMIT + 1000
    assert "characters" in cell.text.splitlines()[-1] and "cut" in cell.text.splitlines()[-1]


# 5 ──────────────────────────────────────────────────────────────────────────────────────────────────────

def test_exit_is_refused_for_what_the_code_calls_not_for_its_text(kernel):
    cell = kernel.run('String u = "http://x"; System.exit(3);')
    assert cell.error["ename"] == "SystemExitRefused"
    assert kernel.run("u").text == "http://x"  # the line before the exit ran
    for code in ["var rt = Runtime.getRuntime();\nrt.halt(1);",
                 "Runnable quit = () -> System.exit(0);",
                 "void bye() { Runtime.getRuntime().exit(2); }",
                 "class Door { static void shut() { System.exit(4); } }"]:
        assert kernel.run(code).error["ename"] == "SystemExitRefused", code
    assert kernel.run("bye();").status == "error"  # the refused method was not defined
    text = "System.exit(0); /* not code */"
    assert kernel.run(f'String s = "{text}";\ns.length()').text == str(len(text))
    assert kernel.run('// Runtime.getRuntime().halt(0);\n"comments are fine"').text == "comments are fine"


# 6 ──────────────────────────────────────────────────────────────────────────────────────────────────────

def test_percent_lines_inside_code_are_code_not_magics(kernel):
    cell = kernel.run('String apples = """\n    %d apples\n    """.formatted(3);\napples')
    assert cell.status == "ok", cell.error
    assert cell.text == "3 apples\n"
    assert kernel.run("int r = 17\n%5;\nr").text == "2"
    assert kernel.run("// a comment, then a magic\n%time 1 + 1").text == "2"


# 7 ──────────────────────────────────────────────────────────────────────────────────────────────────────

def test_interrupt_ends_a_wait_for_input(kernel):
    msg_id = kernel.kc.execute('String answer = new java.util.Scanner(System.in).nextLine();', allow_stdin=True)
    assert kernel.kc.get_stdin_msg(timeout=20)["msg_type"] == "input_request"
    kernel.km.interrupt_kernel()
    reply = kernel.reply_to(msg_id, timeout=10)["content"]
    assert reply["status"] == "error" and reply["ename"] == "Interrupted"
    kernel.drain_iopub()
    kernel.kc.input("too late")  # an answer typed after the interrupt must not answer the next question
    assert kernel.run("0").text == "0"
    msg_id = kernel.kc.execute("new java.util.Scanner(System.in).nextLine()", allow_stdin=True)
    assert kernel.kc.get_stdin_msg(timeout=20)["msg_type"] == "input_request"
    kernel.kc.input("fresh")
    outputs = kernel.outputs_of(msg_id)
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["fresh"]


# 8 ──────────────────────────────────────────────────────────────────────────────────────────────────────

def test_errors_name_the_learners_variables_not_jshell_wrappers(kernel):
    cell = kernel.run('String nothing = null;\nnothing.length()')
    assert cell.error["ename"] == "NullPointerException"
    assert '"nothing" is null' in cell.error["evalue"]
    assert "$JShell" not in cell.error["evalue"] and "REPL" not in "\n".join(cell.error["traceback"])
    kernel.run("class Box {}")
    cast = kernel.run("Object b = new Box();\n(String) b")
    assert "class Box cannot be cast" in cast.error["evalue"] and "$JShell" not in cast.error["evalue"]


def test_a_method_broken_by_a_later_change_says_why(kernel):
    kernel.run("int v = 1;\nint twice() { return v * 2; }")
    kernel.run('String v = "now a string";')
    cell = kernel.run("twice()")
    assert cell.status == "error"
    text = cell.error["evalue"]
    assert "twice" in text and "bad operand types" in text, text
    assert not text.rstrip().endswith(":"), text
    never = kernel.run("int usesLater() { return later + 1; }\nusesLater()")
    assert "later" in never.error["evalue"]


def test_a_cell_class_that_hides_a_kit_class_is_said_aloud(kernel):
    kernel.run("Network kitNet = Network.of(2, 3, 1).seed(1);")
    cell = kernel.run("class Network { }")
    assert cell.status == "ok"
    assert "org.backpropkit.core.Network" in cell.stdout and "kitNet" in cell.stdout, cell.stdout
    assert cell.stderr == ""
    assert kernel.run("new Network()").status == "ok"  # the learner's class, from now on
    assert kernel.run("6 * 7").text == "42"  # and every later cell still compiles


# 9 ──────────────────────────────────────────────────────────────────────────────────────────────────────

def test_the_kernel_exits_when_the_jupyter_server_dies():
    server = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time, jupyter_client
        km, kc = jupyter_client.manager.start_new_kernel(kernel_name={KERNEL!r}, startup_timeout=60)
        print(km.provisioner.process.pid, flush=True)
        time.sleep(600)
        """)], stdout=subprocess.PIPE, text=True)
    pid = int(server.stdout.readline())
    try:
        assert alive(pid)
        server.send_signal(signal.SIGKILL)
        server.wait()
        deadline = time.monotonic() + 15
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive(pid), "the kernel outlived its Jupyter server"
    finally:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


def test_memory_goes_back_after_an_out_of_memory_error():
    """The kernel's own heap settings with a smaller maximum (the default 1 GiB only takes longer to fill)."""
    k = Kernel(env={"BACKPROP_KIT_JVM_OPTS": "-Xmx320m"})
    try:
        cell = k.run("{ List<double[]> hog = new ArrayList<>(); while (true) hog.add(new double[1_000_000]); }",
                     timeout=120)
        assert cell.error["ename"] == "OutOfMemoryError"
        assert rss_mib(k.pid()) < 250  # the full heap would be 320 MiB on top of the kernel's ~130
        assert k.run("1 + 1").text == "2"
    finally:
        k.close()


# 10 ─────────────────────────────────────────────────────────────────────────────────────────────────────

def test_bad_settings_do_not_stop_the_kernel_and_the_first_cell_says_what_was_wrong(tmp_path):
    k = Kernel(env={"BACKPROP_KIT_TIMEOUT": "30s", "BACKPROP_KIT_STARTUP_SCRIPT": "int broken = ;",
                    "BACKPROP_KIT_STARTUP_SCRIPTS_PATH": str(tmp_path / "missing.jsh")})
    try:
        first = k.run("1 + 1")
        assert first.text == "2"
        assert "BACKPROP_KIT_TIMEOUT=30s" in first.stdout, first.stdout
        assert "BACKPROP_KIT_STARTUP_SCRIPT" in first.stdout and "int broken = ;" in first.stdout
        assert "missing.jsh" in first.stdout
        assert first.stderr == ""
        assert k.run("2 + 2").stdout == ""  # said once
    finally:
        k.close()


# 11 ─────────────────────────────────────────────────────────────────────────────────────────────────────

def test_jars_on_a_folder_without_jars_says_so(kernel, tmp_path):
    (tmp_path / "notes.txt").write_text("no jar here")
    cell = kernel.run(f"%jars {tmp_path}/*")
    assert cell.error["ename"] == "MagicError"
    assert "no .jar" in cell.error["evalue"] and str(tmp_path) in cell.error["evalue"]


def test_load_of_a_malformed_notebook_says_what_is_wrong(kernel, tmp_path):
    broken = tmp_path / "broken.ipynb"
    broken.write_text('{"cells": [ {"cell_type": "code", "source": "int a = 1;"  ')
    cell = kernel.run(f"%load {broken}")
    assert cell.error["ename"] == "MagicError"
    assert "broken.ipynb" in cell.error["evalue"] and "notebook" in cell.error["evalue"]
    assert "gson" not in cell.error["evalue"].lower() and "Json" not in cell.error["evalue"]


def test_a_truncated_message_does_not_swallow_the_next_request(kernel):
    kernel.kc.shell_channel.socket.send_multipart([b"<IDS|MSG>", b"0" * 64, b"{}"])
    assert kernel.run("1 + 1", timeout=15).text == "2"


def test_a_flood_of_display_updates_still_ends_with_error_and_idle(kernel, tmp_path):
    """A client that reads slowly (a busy browser) while a cell updates a display 20,000 times."""
    marker = tmp_path / "flooded"
    msg_id = kernel.send('String shown = display("n = 0");\nlong n = 0;\nwhile (true) {\n'
                         '  updateDisplay(shown, "n = " + n++);\n'
                         f'  if (n == 20_000) java.nio.file.Files.writeString(java.nio.file.Path.of("{marker}"), "");\n}}')
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:  # iopub is not read meanwhile
        time.sleep(0.05)
    assert marker.exists()
    kernel.km.interrupt_kernel()
    outputs = kernel.outputs_of(msg_id, timeout=30)
    assert [m["content"]["ename"] for m in outputs if m["msg_type"] == "error"] == ["Interrupted"]
    kernel.reply_to(msg_id)


def test_a_background_threads_output_reaches_the_notebook(kernel):
    # The thread goes in the group above the snippet's: JShell waits at the end of a snippet for the threads of
    # the snippet's own group that it sees, which would keep this cell running for as long as the thread ticks.
    msg_id = kernel.send("var ticking = new java.util.concurrent.atomic.AtomicBoolean(true);\n"
                         "new Thread(Thread.currentThread().getThreadGroup().getParent(), () -> {\n"
                         "  while (ticking.get()) {\n    System.out.println(\"tick\");\n"
                         "    try { Thread.sleep(50); } catch (InterruptedException e) { return; }\n  }\n}).start();")
    kernel.outputs_of(msg_id)  # the cell has ended: what the thread prints now comes after its idle status
    kernel.wait_for_iopub(lambda m: m["msg_type"] == "stream" and "tick" in m["content"]["text"], timeout=10)
    kernel.run("ticking.set(false);")

"""The Jupyter kernel conformance suite (jupyter_kernel_test) against the kit's kernel.

The kernel under test is BACKPROP_KIT_KERNEL (default backprop-java); src/scripts/test-kernel.sh
installs it into a temporary Jupyter path first, once per JDK.
"""
import os
import unittest

import jupyter_kernel_test


class BackpropJavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("BACKPROP_KIT_KERNEL", "backprop-java")
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Article.netw", "matches": {"network()"}},
        {"text": "Math.sqr", "matches": {"sqrt("}},
    ]
    complete_code_samples = ["1 + 1", "int n = 3;", "void f() { }", ""]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "double d = Math.max(1,", "/* a comment"]
    invalid_code_samples = ["int x = 1; }", "\"abc"]

    code_generate_error = 'throw new IllegalStateException("planned");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"w" + 11', "result": "w11"},
        {"code": "Activation.SIGMOID.apply(0)", "result": "0.5"},
    ]

    code_display_data = [
        {"code": "display(Plot.activations());", "mime": "image/png"},
        {"code": 'display(Derivation.of(Article.network(), Article.x(), Article.t(), "u11"));',
         "mime": "text/markdown"},
    ]

    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = 'System.out.println("gone soon");\nclearOutput();'


if __name__ == "__main__":
    unittest.main()

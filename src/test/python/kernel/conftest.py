"""A running backprop-java kernel and a client that collects what a cell sends back."""
import os
import queue

import jupyter_client
import pytest

KERNEL = os.environ.get("BACKPROP_KIT_KERNEL", "backprop-java")


class Cell:
    """What one execute_request produced: status, streams, results, displays and the error."""

    def __init__(self, reply, messages):
        self.status = reply["content"]["status"]
        self.reply = reply["content"]
        self.messages = messages
        self.stdout = "".join(m["content"]["text"] for m in messages
                              if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
        self.stderr = "".join(m["content"]["text"] for m in messages
                              if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
        results = [m["content"]["data"] for m in messages if m["msg_type"] == "execute_result"]
        self.data = results[-1] if results else {}
        self.text = self.data.get("text/plain")
        errors = [m["content"] for m in messages if m["msg_type"] == "error"]
        self.error = errors[0] if errors else None

    def of_type(self, msg_type):
        return [m["content"] for m in self.messages if m["msg_type"] == msg_type]


class Kernel:
    def __init__(self, name=KERNEL):
        self.km, self.kc = jupyter_client.manager.start_new_kernel(kernel_name=name, startup_timeout=60)

    def run(self, code, timeout=60):
        messages = []
        reply = self.kc.execute_interactive(code, output_hook=messages.append, timeout=timeout)
        return Cell(reply, messages)

    def send(self, code):
        """Sends a cell without waiting; returns its msg_id."""
        return self.kc.execute(code)

    def reply_to(self, msg_id, timeout=30):
        while True:
            msg = self.kc.get_shell_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def drain_iopub(self):
        try:
            while True:
                self.kc.get_iopub_msg(timeout=0.2)
        except queue.Empty:
            pass

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel():
    k = Kernel()
    yield k
    k.close()

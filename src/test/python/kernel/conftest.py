"""A running backprop-java kernel and a client that collects what a cell sends back."""
import os
import queue
import time

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
    def __init__(self, name=KERNEL, env=None):
        """A fresh kernel; env adds to or overrides the environment of its process."""
        extra = {} if env is None else {"env": {**os.environ, **env}}
        self.km, self.kc = jupyter_client.manager.start_new_kernel(kernel_name=name, startup_timeout=60, **extra)

    def java_feature(self):
        """The kernel JVM's Java feature version (17, 25, …), from its kernel_info."""
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=10)
        return int(reply["content"]["language_info"]["version"].split(".")[0].split("+")[0])

    def pid(self):
        return self.km.provisioner.process.pid

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

    def outputs_of(self, msg_id, timeout=30):
        """The iopub messages of request msg_id up to its idle status; fails if idle does not come in time."""
        messages, deadline = [], time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no idle status within {timeout} s; got {[m['msg_type'] for m in messages][-20:]}")
            try:
                msg = self.kc.get_iopub_msg(timeout=left)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return messages
            messages.append(msg)

    def wait_for_iopub(self, predicate, timeout=30):
        """The first iopub message (of any request) for which predicate holds; fails after timeout seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if predicate(msg):
                return msg
        raise AssertionError(f"no such iopub message within {timeout} s")

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

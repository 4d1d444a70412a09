"""Pictures that move, through a real Jupyter client: one display_data, then update_display_data messages
under the same display id (what classic Notebook, JupyterLab and nbconvert all keep in place), an interrupted
live training that leaves a usable network, and a headless run that shows only the final frame."""
import math
import os
import queue

import jupyter_client
import pytest

from conftest import KERNEL, Cell

XOR = 'Examples xor = DataSet.load("xor").inputs("x1", "x2").targets("t");'


class Client:
    """A kernel started with BACKPROP_KIT_HEADLESS set or unset, whatever the caller's environment says."""

    def __init__(self, headless):
        env = {k: v for k, v in os.environ.items() if k != "BACKPROP_KIT_HEADLESS"}
        if headless:
            env["BACKPROP_KIT_HEADLESS"] = "1"
        self.km, self.kc = jupyter_client.manager.start_new_kernel(kernel_name=KERNEL, startup_timeout=60, env=env)

    def run(self, code, timeout=120):
        messages = []
        reply = self.kc.execute_interactive(code, output_hook=messages.append, timeout=timeout)
        return Cell(reply, messages)

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def live():
    k = Client(headless=False)
    yield k
    k.close()


@pytest.fixture(scope="module")
def headless():
    k = Client(headless=True)
    yield k
    k.close()


def displays(cell):
    """The display_data and update_display_data contents of a cell, in order."""
    return cell.of_type("display_data"), cell.of_type("update_display_data")


def test_a_picture_is_a_png_with_its_meaning_in_text(live):
    cell = live.run("NetworkPicture.of(Article.network(), Article.x(), Article.t())")
    assert cell.status == "ok", cell.error
    assert cell.data["image/png"].startswith("iVBORw0KGgo")
    assert cell.text.startswith("2-3-2 network: σ hidden, σ output, L2 loss")
    assert "x = (0.5, 0.8)   t = (1, 0)" in cell.text


def test_live_training_updates_one_display_in_place(live):
    assert live.run(XOR).status == "ok"
    cell = live.run('Network net = Network.of(2, 3, 1).seed(1);\n'
                    'Watch watch = Watch.training(net, xor).every(200);\n'
                    'History run = watch.train(Trainer.sgd(5).epochs(2000).seed(1));')
    assert cell.status == "ok", cell.error
    shown, updates = displays(cell)
    assert len(shown) == 1
    display_id = shown[0]["transient"]["display_id"]
    # every 200 epochs of 2000 is 10 frames, and the final one: 11 updates after the first picture
    assert len(updates) == 11
    assert all(u["transient"]["display_id"] == display_id for u in updates)
    assert all(u["data"]["image/png"].startswith("iVBORw0KGgo") for u in updates)
    assert updates[-1]["data"]["image/png"] != shown[0]["data"]["image/png"]
    assert "epoch 2000" in updates[-1]["data"]["text/plain"]
    assert live.run("watch.epochs()").text == "2000"


def test_interrupted_live_training_keeps_a_usable_network(live):
    assert live.run(XOR).status == "ok"
    before = float(live.run('Network slow = Network.of(2, 3, 1).seed(2);\nslow.loss(xor.x(), xor.t())').text)
    msg_id = live.kc.execute('Watch slowWatch = Watch.training(slow, xor);\n'
                             'slowWatch.train(Trainer.sgd(2).epochs(100_000_000));')
    display_id, updated = None, False
    while not updated:  # wait until training is under way: its display has been updated at least once
        msg = live.kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "display_data":
            display_id = msg["content"]["transient"]["display_id"]
        elif msg["msg_type"] == "update_display_data":
            assert msg["content"]["transient"]["display_id"] == display_id
            updated = True
    live.km.interrupt_kernel()
    while True:
        reply = live.kc.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    try:
        while True:
            live.kc.get_iopub_msg(timeout=0.5)
    except queue.Empty:
        pass
    after = float(live.run("slow.loss(xor.x(), xor.t())").text)
    assert math.isfinite(after) and after < before
    assert int(live.run("slowWatch.epochs()").text) > 0
    again = live.run("Watch.training(slow, xor).train(Trainer.sgd(2).epochs(10)).epochs()")
    assert again.status == "ok", again.error
    assert again.text == "10"


def test_a_step_through_plays_every_frame_in_one_display(live):
    cell = live.run("NetworkPicture.of(Article.network(), Article.x(), Article.t()).steps().play(0);")
    assert cell.status == "ok", cell.error
    shown, updates = displays(cell)
    assert len(shown) == 1 and len(updates) == 7  # 8 frames for the 2-3-2 network
    display_id = shown[0]["transient"]["display_id"]
    assert all(u["transient"]["display_id"] == display_id for u in updates)
    frames = [shown[0]["data"]["image/png"]] + [u["data"]["image/png"] for u in updates]
    assert all(a != b for a, b in zip(frames, frames[1:])), "every frame shows something new"
    assert updates[-1]["data"]["text/plain"].splitlines()[2].startswith("Step 8 of 8")


def test_headless_play_shows_the_last_frame_at_once(headless):
    cell = headless.run("Steps steps = NetworkPicture.of(Article.network(), Article.x(), Article.t()).steps();\n"
                        "steps.play();")  # the default pace would pause between 8 frames
    assert cell.status == "ok", cell.error
    shown, updates = displays(cell)
    assert len(shown) == 1 and updates == []
    assert shown[0]["data"]["image/png"] == headless.run("steps.last()").data["image/png"]


def test_headless_live_training_draws_only_the_end(headless):
    assert headless.run(XOR).status == "ok"
    cell = headless.run('Watch w = Watch.training(Network.of(2, 3, 1).seed(1), xor).every(10);\n'
                        'w.train(Trainer.sgd(5).epochs(200));')
    shown, updates = displays(cell)
    assert cell.status == "ok", cell.error
    assert len(shown) == 1 and updates == []
    assert "epoch 200" in shown[0]["data"]["text/plain"]

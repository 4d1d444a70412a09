"""What a hub relies on the kernel for, beyond running lessons: the cell time limit its configuration
sets, and a kernel that cannot bind its ports getting out of the way.

A kernel that cannot bind its ports must exit, so that Jupyter starts a new one. Seen in a room of ten (src/scripts/bench-hub.sh, 2026-11-25): every single-user server picks its
kernels' ports by binding and releasing them, so with many kernels starting at once another process
can take a port before the kernel binds it. The kit's kernel then died in `KitConnection.connect`
("ZMQException: Errno 48 : Address already in use", from Main.main) after the control and heartbeat
threads had started; those threads are not daemons, so the JVM lived on without a shell channel. The
server waited for a kernel_info reply that never came ("Timeout waiting for kernel_info reply"), the
learner's notebook never connected, and Jupyter's restarter never stepped in because the process
had not exited. An ipykernel that fails to bind exits, and the restarter starts it on fresh ports.
"""
import json
import socket
import subprocess

import jupyter_client
from traitlets.config.loader import PyFileConfigLoader

import room


def hub_environment():
    """Spawner.environment of the configuration instructors are given."""
    config = PyFileConfigLoader(room.HUB_CONFIG.name, path=str(room.HUB_CONFIG.parent)).load_config()
    return dict(config.Spawner.environment)


def test_the_hubs_cell_time_limit_stops_an_endless_loop_and_keeps_the_kernel(tmp_path, monkeypatch):
    limit = int(hub_environment()["BACKPROP_KIT_TIMEOUT"])
    assert 10_000 <= limit <= 600_000, f"the hub's cell limit should leave lessons alone and stop loops: {limit} ms"
    # the same mechanism with a 3 s limit, so the test does not wait two minutes
    spec = tmp_path / "kernels" / "hub-limit"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": ["java", "-cp", f"{room.KIT / 'target' / 'backprop-kit.jar'}:{room.KIT / 'target' / 'lib'}/*",
                 "org.backpropkit.kernel.Main", "{connection_file}"],
        "display_name": "hub limit", "language": "java", "interrupt_mode": "message",
        "env": {**hub_environment(), "BACKPROP_KIT_TIMEOUT": "3000"}}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name="hub-limit", startup_timeout=60)
    try:
        errors = []
        reply = kc.execute_interactive("long spins = 0;\nwhile (true) { spins++; }", timeout=60,
                                       output_hook=lambda m: errors.append(m["content"]) if m["msg_type"] == "error" else None)
        assert reply["content"]["status"] == "error", reply["content"]
        assert errors and "stopped" in errors[0]["evalue"], errors
        after = []
        reply = kc.execute_interactive("spins > 0", timeout=30, output_hook=after.append)
        assert reply["content"]["status"] == "ok"
        assert [m["content"]["data"]["text/plain"] for m in after if m["msg_type"] == "execute_result"] == ["true"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def test_a_kernel_whose_shell_port_is_taken_exits(tmp_path):
    jar = room.KIT / "target" / "backprop-kit.jar"
    assert jar.exists(), f"{jar} is missing: build the kit first"
    shell, iopub, stdin, control, hb = free_ports(5)
    taken = socket.socket()
    taken.bind(("127.0.0.1", shell))
    taken.listen(1)  # someone else got the shell port first
    connection = tmp_path / "kernel.json"
    connection.write_text(json.dumps({
        "transport": "tcp", "ip": "127.0.0.1", "shell_port": shell, "iopub_port": iopub, "stdin_port": stdin,
        "control_port": control, "hb_port": hb, "key": "a-key", "signature_scheme": "hmac-sha256",
        "kernel_name": room.KERNEL}))
    kernel = subprocess.Popen(["java", "-cp", f"{jar}:{room.KIT / 'target' / 'lib'}/*", "org.backpropkit.kernel.Main",
                               str(connection)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        status = kernel.wait(timeout=20)
    except subprocess.TimeoutExpired:
        status = None
    finally:
        kernel.kill()
        _, err = kernel.communicate()
        taken.close()
    assert status is not None and status != 0, \
        f"expected the kernel to exit non-zero when port {shell} is taken; it was still running after 20 s. stderr: {err[-400:]}"
    assert "Address already in use" in err or str(shell) in err, f"expected stderr to say which port: {err[-400:]}"

"""A JupyterHub room on this machine, driven the way learners' browsers drive it.

What an instructor runs (docs/instructors.md, "A shared server"): Debian's JupyterHub 3.0 with the
configuration the kit hands out (src/scripts/hub/jupyterhub_config.py: PAMAuthenticator and
LocalProcessSpawner, so every learner is a real system user whose single-user server and kernels run
under their own uid in their own home), and the kit's kernel installed system-wide with
`install-kernel.sh --prefix /usr/local` from a folder every user can read.

This module builds exactly that on 127.0.0.1 with ports chosen at run time, and then plays the
learners: log in through the hub's login form, start the server through the hub's REST API (as the
hub's home page does), follow the OAuth redirects into the single-user server, upload lessons with
the contents API, open a notebook session and execute its cells over the kernel websocket. Everything
it made (users, homes, processes, the kernelspec, the hub's files) is removed by `Room.close()`,
which the context manager calls even when a test fails.

Used by src/test/hub/test_hub.py (two learners) and src/bench/hub/bench_hub.py (N learners).
"""
import contextlib
import fcntl
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import psutil
import requests
import websocket

KIT = Path(__file__).resolve().parents[3]
KERNEL = "backprop-java"
SYSTEM_PREFIX = Path("/usr/local")  # docs/instructors.md: install-kernel.sh --prefix /usr/local
SYSTEM_KERNELSPEC = SYSTEM_PREFIX / "share" / "jupyter" / "kernels" / KERNEL
LOCK = Path("/run/lock/backprop-kit-hub.lock")  # one room at a time owns /usr/local's kernelspec
HUB_CONFIG = KIT / "src" / "scripts" / "hub" / "jupyterhub_config.py"  # what docs/instructors.md hands out
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, condition, timeout, interval=0.2):
    """Polls condition() until it returns something truthy; fails naming what did not happen."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {timeout} s")
        time.sleep(interval)


def run(*cmd, **kw):
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited with {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def checks_in(text):
    """The kit's check lines: Check.close/that/gradients print lines starting with '✓ ' (run-lessons.py)."""
    return [line for line in text.splitlines() if line.startswith("✓ ")]


class Cell:
    """One executed cell: what it sent back and how long it took from request to reply + idle."""

    def __init__(self, index, code):
        self.index, self.code = index, code
        self.messages, self.reply, self.seconds = [], None, None

    @property
    def status(self):
        return self.reply["content"]["status"] if self.reply else "no reply"

    def of_type(self, *types):
        return [m for m in self.messages if m["msg_type"] in types]

    @property
    def text(self):
        """Streams and the text/plain of results and displays, as run-lessons.py reads them."""
        parts = []
        for m in self.of_type("stream", "execute_result", "display_data", "update_display_data"):
            c = m["content"]
            parts.append(c["text"] if m["msg_type"] == "stream" else c.get("data", {}).get("text/plain", ""))
        return "".join(parts)

    @property
    def stderr(self):
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == "stderr")

    @property
    def errors(self):
        return [f"{m['content']['ename']}: {m['content']['evalue']}" for m in self.of_type("error")]

    def outputs(self):
        """nbformat outputs, so the executed notebook can be saved as a browser saves it."""
        out = []
        for m in self.messages:
            c, t = m["content"], m["msg_type"]
            if t == "stream":
                out.append({"output_type": "stream", "name": c["name"], "text": c["text"]})
            elif t in ("display_data", "execute_result"):
                o = {"output_type": t, "data": c["data"], "metadata": c.get("metadata", {})}
                if t == "execute_result":
                    o["execution_count"] = c.get("execution_count")
                out.append(o)
            elif t == "error":
                out.append({"output_type": "error", "ename": c["ename"], "evalue": c["evalue"],
                            "traceback": c["traceback"]})
            elif t == "clear_output":
                out.clear()
        return out


class NotebookRun:
    """A notebook executed cell by cell in one kernel: cells, wall time, checks, failures."""

    def __init__(self, path):
        self.path, self.cells, self.seconds, self.kernel_id = path, [], None, None
        self.started = None  # time.monotonic() when the kernel was asked for
        self.failure = None  # set when the run itself broke (no reply, websocket closed, …)

    @property
    def checks(self):
        return [line for c in self.cells for line in checks_in(c.text)]

    @property
    def problems(self):
        found = [f"cell {c.index}: {c.status}: {'; '.join(c.errors) or c.text[-300:]}"
                 for c in self.cells if c.status != "ok" or c.errors]
        found += [f"cell {c.index} wrote to stderr: {c.stderr[:300]!r}" for c in self.cells if c.stderr]
        if self.failure:
            found.append(self.failure)
        return found

    def latencies(self):
        return [c.seconds for c in self.cells if c.seconds is not None]


class Kernel:
    """A kernel of a learner's server, reached over its websocket as JupyterLab or the Notebook does."""

    def __init__(self, learner, kernel_id):
        self.learner, self.id = learner, kernel_id
        self.session = uuid.uuid4().hex
        url = f"{learner.room.ws_base}/user/{learner.name}/api/kernels/{kernel_id}/channels?session_id={self.session}"
        self.ws = websocket.create_connection(
            url, timeout=learner.room.cell_timeout, origin=learner.room.base,
            cookie="; ".join(f"{c.name}={c.value}" for c in learner.http.cookies))

    def message(self, msg_type, content, channel="shell"):
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": self.learner.name,
                       "session": self.session, "version": "5.3",
                       "date": datetime.now(timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": []}))
        return msg_id

    def execute(self, cell, timeout=None):
        """Sends one cell and collects its iopub messages until its reply has come and the kernel is idle."""
        started = time.monotonic()
        msg_id = self.message("execute_request", {"code": cell.code, "silent": False, "store_history": True,
                                                  "user_expressions": {}, "allow_stdin": False,
                                                  "stop_on_error": True})
        idle = False
        deadline = started + (timeout or self.learner.room.cell_timeout)
        while cell.reply is None or not idle:
            msg = self.receive(deadline)
            if msg is None:
                raise TimeoutError(f"cell {cell.index} of {self.learner.name}: no reply and idle within "
                                   f"{timeout or self.learner.room.cell_timeout} s")
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["channel"] == "shell" and msg["msg_type"] == "execute_reply":
                cell.reply = msg
            elif msg["channel"] == "iopub":
                if msg["msg_type"] == "status":
                    idle = msg["content"]["execution_state"] == "idle"
                elif msg["msg_type"] not in ("execute_input",):
                    cell.messages.append(msg)
        cell.seconds = time.monotonic() - started
        return cell

    def receive(self, deadline):
        """The next Jupyter message, or None once time.monotonic() passes deadline. The server pings every
        30 s and websocket-client answers pings inside recv(), restarting its timeout each time: so the
        frames are read one by one here, and the deadline checked between them."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            self.ws.settimeout(remaining)
            try:
                opcode, data = self.ws.recv_data(control_frame=True)
            except websocket.WebSocketTimeoutException:
                return None
            if opcode in (websocket.ABNF.OPCODE_TEXT, websocket.ABNF.OPCODE_BINARY):
                return json.loads(data)

    def interrupt(self):
        response = self.learner.api("POST", f"kernels/{self.id}/interrupt")
        response.raise_for_status()

    def close(self):
        with contextlib.suppress(Exception):
            self.ws.close()


class Learner:
    """A real system user with a password, a home of mode 0700, and a browser-like HTTP session."""

    def __init__(self, room, name):
        self.room, self.name = room, name
        self.password = secrets.token_urlsafe(16)
        self.home = room.homes / name
        self.http = requests.Session()
        self.uid = None

    def create(self):
        # HOME_MODE=0700: a learner cannot read another's files (Debian's useradd default would be 0755).
        run("useradd", "--create-home", "--home-dir", str(self.home), "--shell", "/bin/bash",
            "--user-group", "--key", "HOME_MODE=0700", self.name)
        run("chpasswd", input=f"{self.name}:{self.password}\n")
        self.uid = pwd.getpwnam(self.name).pw_uid

    def delete(self):
        if self.uid is None:
            return
        for p in self.processes():
            with contextlib.suppress(psutil.Error):
                p.kill()
        psutil.wait_procs(self.processes(), timeout=10)
        subprocess.run(["userdel", "--remove", self.name], capture_output=True)
        shutil.rmtree(self.home, ignore_errors=True)

    def processes(self):
        return [p for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real == self.uid]

    # --- as the browser does it -------------------------------------------------------------------
    def log_in(self):
        r = self.http.post(f"{self.room.base}/hub/login", data={"username": self.name, "password": self.password},
                           allow_redirects=False)
        if r.status_code != 302 or "jupyterhub-session-id" not in self.http.cookies:
            raise RuntimeError(f"login of {self.name}: expected a redirect and a session cookie, got {r.status_code}")

    def start_server(self):
        """POST /hub/api/users/NAME/server with the login cookie, as the hub's home page's Start button."""
        r = self.http.post(f"{self.room.base}/hub/api/users/{self.name}/server",
                           headers={"Referer": f"{self.room.base}/hub/home"})
        if r.status_code not in (201, 202):
            raise RuntimeError(f"starting {self.name}'s server: expected 201 or 202, got {r.status_code} {r.text[:300]}")

    def wait_for_server(self, timeout=180):
        def ready():
            r = self.http.get(f"{self.room.base}/hub/api/users/{self.name}",
                              headers={"Referer": f"{self.room.base}/hub/home"})
            r.raise_for_status()
            server = r.json().get("servers", {}).get("")
            return server and server.get("ready")
        wait_for(f"{self.name}'s server to be ready", ready, timeout, interval=0.5)
        # The single-user server sends the browser through the hub's OAuth to get its own cookie.
        r = self.http.get(f"{self.room.base}/user/{self.name}/tree")
        if r.status_code != 200 or "_xsrf" not in self.http.cookies:
            raise RuntimeError(f"{self.name}'s server: expected its tree page and an _xsrf cookie, got {r.status_code} at {r.url}")

    def api(self, method, path, **kw):
        headers = {"X-XSRFToken": self.http.cookies.get("_xsrf", ""), "Referer": f"{self.room.base}/user/{self.name}/tree"}
        return self.http.request(method, f"{self.room.base}/user/{self.name}/api/{path}", headers=headers,
                                 timeout=self.room.cell_timeout, **kw)

    def upload(self, folder, notebooks):
        """Puts notebooks into FOLDER of the learner's home, as the Upload button does."""
        self.api("PUT", f"contents/{folder}", json={"type": "directory"}).raise_for_status()
        for nb in notebooks:
            content = json.loads(Path(nb).read_text(encoding="utf-8"))
            r = self.api("PUT", f"contents/{folder}/{Path(nb).name}", json={"type": "notebook", "format": "json", "content": content})
            r.raise_for_status()

    def open(self, path):
        """POST /api/sessions: opening a notebook starts its kernel in the notebook's folder."""
        r = self.api("POST", "sessions", json={"path": path, "name": Path(path).name, "type": "notebook",
                                               "kernel": {"name": KERNEL}})
        r.raise_for_status()
        session = r.json()
        return session["id"], Kernel(self, session["kernel"]["id"])

    def shut(self, session_id):
        self.api("DELETE", f"sessions/{session_id}")

    def run_notebook(self, path, keep_open=False, on_cell=None):
        """Executes every code cell of the uploaded notebook PATH in a new kernel, saves it with its
        outputs (as the browser's save does) and shuts the kernel unless keep_open."""
        result = NotebookRun(path)
        nb = self.api("GET", f"contents/{path}").json()["content"]
        started = result.started = time.monotonic()
        result.kernel = None
        try:
            session_id, kernel = self.open(path)
        except (requests.RequestException, websocket.WebSocketException, OSError) as e:
            result.failure, result.seconds = f"opening {path}: {type(e).__name__}: {e}", time.monotonic() - started
            return result
        result.kernel_id, result.session_id, result.kernel = kernel.id, session_id, kernel
        try:
            for i, source in enumerate(nb["cells"], 1):
                if source["cell_type"] != "code" or not source["source"].strip():
                    continue
                cell = kernel.execute(Cell(i, source["source"]))
                result.cells.append(cell)
                source["outputs"] = cell.outputs()
                source["execution_count"] = cell.reply["content"].get("execution_count")
                if on_cell:
                    on_cell(self, cell)
                if cell.status != "ok":
                    break  # Run All stops at the first failing cell
        except (TimeoutError, websocket.WebSocketException, OSError) as e:
            result.failure = f"{type(e).__name__}: {e}"
        result.seconds = time.monotonic() - started
        r = self.api("PUT", f"contents/{path}", json={"type": "notebook", "format": "json", "content": nb})
        if r.status_code != 200 and not result.failure:
            result.failure = f"saving {path}: {r.status_code} {r.text[:200]}"
        if not keep_open:
            kernel.close()
            self.shut(session_id)
        return result

    def memory(self):
        """Resident memory (MiB) of this learner's single-user server and of each of its kernels."""
        server, kernels = 0.0, []
        for p in self.processes():
            with contextlib.suppress(psutil.Error):
                rss = p.memory_info().rss / 2**20
                if p.name() == "java":
                    kernels.append(rss)
                elif "jupyterhub-singleuser" in " ".join(p.cmdline()):
                    server += rss
        return server, kernels


class Room:
    """The hub and its learners. Use as a context manager: everything is removed on exit."""

    def __init__(self, learners, cell_timeout=300, spawner_environment=None, log=None):
        self.count, self.cell_timeout = learners, cell_timeout
        self.spawner_environment = spawner_environment or {}
        self.log = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
        self.work = Path(tempfile.mkdtemp(prefix="backprop-kit-hub-"))
        self.homes = self.work / "home"
        self.kit = self.work / "backprop-kit"
        self.prefix = f"bk{secrets.token_hex(3)}"  # unique per room, short enough for user names
        self.learners = [Learner(self, f"{self.prefix}-l{i + 1:02d}") for i in range(learners)]
        self.token = secrets.token_hex(32)
        self.hub = None
        self.lock = None
        self.backup = None
        self.kernelspec_ours = False
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.ws_base = f"ws://127.0.0.1:{self.port}"

    def __enter__(self):
        try:
            self.open()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    # --- set-up -----------------------------------------------------------------------------------
    def open(self):
        if os.geteuid() != 0:
            raise PermissionError("the hub room creates system users and installs into /usr/local: run it as root")
        self.lock = open(LOCK, "w")
        fcntl.flock(self.lock, fcntl.LOCK_EX)  # another room (a parallel test run) waits here
        os.chmod(self.work, 0o755)
        self.homes.mkdir(mode=0o755)
        self.install_kit()
        for learner in self.learners:
            learner.create()
        self.check_learners_see_kernel()
        self.start_hub()

    def install_kit(self):
        """As docs/instructors.md says: the kit in a folder every user can read, then the kernel
        installed with `install-kernel.sh --prefix /usr/local`. (The built kit is copied rather than
        cloned and built again: the same files `kit.sh` leaves in `target/`.)"""
        if not (KIT / "target" / "backprop-kit.jar").exists():
            raise FileNotFoundError(f"{KIT}/target/backprop-kit.jar is missing: build the kit first (mvn -B package)")
        (self.kit / "target").mkdir(parents=True)
        shutil.copytree(KIT / "src" / "scripts", self.kit / "src" / "scripts")
        shutil.copy2(KIT / "target" / "backprop-kit.jar", self.kit / "target")
        shutil.copytree(KIT / "target" / "lib", self.kit / "target" / "lib")
        subprocess.run(["chmod", "-R", "a+rX", str(self.kit)], check=True)
        if SYSTEM_KERNELSPEC.exists():  # an instructor's own install: put back on close
            self.backup = self.work / "kernelspec-backup"
            shutil.copytree(SYSTEM_KERNELSPEC, self.backup, symlinks=True)
        self.kernelspec_ours = True
        self.created = [d for d in (SYSTEM_KERNELSPEC.parent, SYSTEM_KERNELSPEC.parent.parent) if not d.exists()]
        env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
        run("bash", "src/scripts/install-kernel.sh", "--prefix", str(SYSTEM_PREFIX), cwd=self.kit, env=env)

    def check_learners_see_kernel(self):
        """docs/instructors.md: as a learner, `jupyter kernelspec list` shows backprop-java in /usr/local."""
        learner = self.learners[0]
        out = run("runuser", "-u", learner.name, "--", "env", f"HOME={learner.home}", f"PATH={SYSTEM_PATH}",
                  "/usr/bin/python3", "-m", "jupyter", "kernelspec", "list", "--json", cwd=learner.home)
        specs = json.loads(out)["kernelspecs"]
        if specs.get(KERNEL, {}).get("resource_dir") != str(SYSTEM_KERNELSPEC):
            raise RuntimeError(f"as learner {learner.name}: expected {KERNEL} in {SYSTEM_KERNELSPEC}, "
                               f"`jupyter kernelspec list` shows {json.dumps(specs)[:500]}")

    def config(self):
        """The instructors' configuration (src/scripts/hub/jupyterhub_config.py) as it is, plus what a
        test needs: ports chosen now, its own state files, its learners, and a service token."""
        hub_port, proxy_api_port = free_port(), free_port()
        names = sorted(learner.name for learner in self.learners)
        return f"""# Written by src/test/hub/room.py for one test run.
load_subconfig({str(HUB_CONFIG)!r})
c.JupyterHub.bind_url = "{self.base}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.pid_file = "{self.work}/proxy.pid"
c.JupyterHub.db_url = "sqlite:///{self.work}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{self.work}/cookie_secret"
c.JupyterHub.pid_file = "{self.work}/jupyterhub.pid"
c.Authenticator.allowed_users = set({names!r})
c.Spawner.ip = "127.0.0.1"
c.Spawner.environment.update({self.spawner_environment!r})
c.JupyterHub.services = [{{"name": "room", "api_token": "{self.token}"}}]
c.JupyterHub.load_roles = [{{"name": "admin", "services": ["room"]}}]
"""

    def start_hub(self):
        (self.work / "jupyterhub_config.py").write_text(self.config())
        # NODE_PATH: Debian's configurable-http-proxy needs Debian's node modules when the `node` on PATH
        # is another build (docs/instructors.md). The hub gets a plain system PATH, as under systemd.
        env = {"PATH": SYSTEM_PATH, "LANG": "C.UTF-8", "NODE_PATH": "/usr/share/nodejs", "HOME": str(self.work)}
        self.hub_log = open(self.work / "jupyterhub.log", "w")
        self.hub = subprocess.Popen(["/usr/bin/jupyterhub", "-f", str(self.work / "jupyterhub_config.py")],
                                    cwd=self.work, env=env, stdout=self.hub_log, stderr=subprocess.STDOUT,
                                    start_new_session=True)

        def up():
            if self.hub.poll() is not None:
                raise RuntimeError(f"jupyterhub exited with {self.hub.returncode}:\n{self.tail_log()}")
            with contextlib.suppress(requests.RequestException):
                return requests.get(f"{self.base}/hub/api/", timeout=5).ok
        wait_for("the hub to answer", up, 90)

    def admin(self, method, path, **kw):
        return requests.request(method, f"{self.base}/hub/api/{path}", headers={"Authorization": f"token {self.token}"},
                                timeout=60, **kw)

    def tail_log(self, lines=40):
        with contextlib.suppress(OSError):
            return "\n".join((self.work / "jupyterhub.log").read_text(errors="replace").splitlines()[-lines:])
        return ""

    def bring_in(self, learners=None):
        """Every learner logs in and starts a server, all at once; then each follows the OAuth into it."""
        learners = learners or self.learners
        in_parallel([lambda l=l: (l.log_in(), l.start_server()) for l in learners])
        in_parallel([lambda l=l: l.wait_for_server() for l in learners])

    # --- tear-down --------------------------------------------------------------------------------
    def close(self):
        errors = []
        if self.hub is not None:
            for learner in self.learners:  # stop servers through the hub first: it forgets them cleanly
                with contextlib.suppress(Exception):
                    self.admin("DELETE", f"users/{learner.name}/server")
            self.hub.send_signal(signal.SIGTERM)
            try:
                self.hub.wait(timeout=60)
            except subprocess.TimeoutExpired:
                errors.append("jupyterhub did not stop within 60 s of SIGTERM; killed")
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.hub.pid, signal.SIGKILL)
            self.hub_log.close()
            proxy_pid = self.work / "proxy.pid"
            with contextlib.suppress(ValueError, OSError, psutil.Error):
                psutil.Process(int(proxy_pid.read_text())).kill()
        for learner in self.learners:
            try:
                learner.delete()
            except Exception as e:  # keep removing the others
                errors.append(f"removing {learner.name}: {e}")
        if self.kernelspec_ours:
            shutil.rmtree(SYSTEM_KERNELSPEC, ignore_errors=True)
            if self.backup is not None:
                shutil.copytree(self.backup, SYSTEM_KERNELSPEC, symlinks=True)
            for folder in self.created:  # share/jupyter/kernels and share/jupyter, if this room made them
                with contextlib.suppress(OSError):
                    folder.rmdir()
        if self.lock is not None:
            self.lock.close()
        if os.environ.get("BACKPROP_KIT_HUB_KEEP_LOG"):
            with contextlib.suppress(OSError):
                shutil.copy(self.work / "jupyterhub.log", os.environ["BACKPROP_KIT_HUB_KEEP_LOG"])
        shutil.rmtree(self.work, ignore_errors=True)
        if errors:
            self.log("room clean-up: " + "; ".join(errors))


def in_parallel(jobs):
    """Runs each job in its own thread, all at once; re-raises the first failure after all are done."""
    results, failures = [None] * len(jobs), []

    def runner(i, job):
        try:
            results[i] = job()
        except BaseException as e:  # noqa: BLE001 - reported below
            failures.append(e)
    threads = [threading.Thread(target=runner, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise failures[0]
    return results


def percentile(values, q):
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def listening(port):
    """Whether anything on this machine listens on the TCP port."""
    return any(c.laddr and c.laddr.port == port and c.status == psutil.CONN_LISTEN
               for c in psutil.net_connections("tcp"))

# A JupyterHub for a Backprop Kit workshop on one Debian 12 machine (docs/instructors.md, "A shared server").
# Copy it to /etc/jupyterhub/jupyterhub_config.py, list the learners in allowed_users, and start the hub:
#   sudo env NODE_PATH=/usr/share/nodejs jupyterhub -f /etc/jupyterhub/jupyterhub_config.py
# src/scripts/test-hub.sh runs exactly this file (plus ports and a test token) with two learners.
c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

# Learners are system users with passwords (PAM); each one's server and kernels run under their own
# uid, in their own home (create the users with home mode 0700, so no one reads another's work).
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.open_sessions = False  # no login sessions (utmp, pam_loginuid) needed for notebooks
c.Authenticator.allowed_users = set()  # e.g. {"ada", "alan"}; empty lets every system user log in
c.JupyterHub.spawner_class = "localprocess"

c.Spawner.environment = {
    # Debian's jupyterhub-singleuser starts a bare jupyter_server, with no pages at all (404 on /tree),
    # whenever python3-jupyter-server is installed; the classic Notebook is Debian 12's front end.
    # With JupyterLab installed (pip), drop this line and set default_url to "/lab".
    "JUPYTERHUB_SINGLEUSER_APP": "notebook.notebookapp.NotebookApp",
    # Each kernel's heap: the lessons use well under 100 MB of it; this bounds a runaway cell's
    # memory (OutOfMemoryError ends the cell, not the kernel) at about 0.6 GiB per learner.
    "BACKPROP_KIT_JVM_OPTS": "-Xmx512m",
    # A cell running longer than 2 minutes is stopped as by Kernel → Interrupt (an endless loop).
    "BACKPROP_KIT_TIMEOUT": "120000",
}
c.Spawner.default_url = "/tree"
# Kernels idle for 30 minutes are shut down: each is a JVM of about 160 MiB.
c.Spawner.args = ["--MappingKernelManager.cull_idle_timeout=1800", "--MappingKernelManager.cull_interval=120"]
# A room logging in at once: twenty servers start in about 20 s on 2 cores; leave room for more.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

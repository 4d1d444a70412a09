#!/usr/bin/env bash
# Opens the lessons in Jupyter for interactive use: JupyterLab where installed, else the classic Notebook.
# Run README command 1 first (it builds the kit and installs the kernel). Extra options go to Jupyter,
# e.g. --port 8899 or --no-browser.
set -euo pipefail
source "$(dirname "$0")/common.sh"

"$JUPYTER_PYTHON" -m jupyter kernelspec list 2>/dev/null | grep -q "^ *backprop-java " \
    || bash "$KIT/src/scripts/install-kernel.sh" --user
cd "$KIT/notebooks"
# Jupyter refuses to run as root without being told; a workshop VM often logs in as root.
[ "$(id -u)" -ne 0 ] || set -- --allow-root "$@"
if "$JUPYTER_PYTHON" -c "import jupyterlab" 2>/dev/null; then
    exec "$JUPYTER_PYTHON" -m jupyter lab "$@"
fi
exec "$JUPYTER_PYTHON" -m jupyter notebook "$@"

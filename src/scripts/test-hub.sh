#!/usr/bin/env bash
# A JupyterHub room: Debian's JupyterHub 3.0 on 127.0.0.1 (PAM logins, one LocalProcessSpawner server per
# real system user), the kit's kernel installed system-wide as docs/instructors.md says, and two learners
# at once, through the hub's REST API and the kernel websocket: both run the largest lesson at the same
# moment, then they share out the other lessons, so that every notebooks/*.ipynb runs on the hub.
# Users, homes, processes, ports and the /usr/local kernelspec are removed afterwards, even on failure.
#
#   bash src/scripts/test-hub.sh        (as root, or a user who may sudo: it creates system users)
set -euo pipefail
source "$(dirname "$0")/common.sh"

if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "the hub test creates system users: run it as root"
    exec sudo --preserve-env=BACKPROP_KIT_PYTHON bash "$0" "$@"
fi
[ -f "$KIT/target/backprop-kit.jar" ] || build_kit
say "JupyterHub: two learners run the lessons at the same time"
unset JUPYTER_PATH  # the learners must find the kernel where an instructor installs it, nowhere else
cd "$KIT/src/test/hub"
"$JUPYTER_PYTHON" -m pytest -q -p no:cacheprovider .
say "Hub tests passed in ${SECONDS} s"

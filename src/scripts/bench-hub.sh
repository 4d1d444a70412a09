#!/usr/bin/env bash
# Sizing a JupyterHub for a workshop: N learners on a real hub (src/bench/hub/bench_hub.py), then one
# learner's runaway cell next to another's lesson. A measurement, not a test; docs/instructors.md has
# the table it made.
#
#   bash src/scripts/bench-hub.sh 10 20              # rooms of 10 and of 20 learners
#   bash src/scripts/bench-hub.sh 20 --lesson 10-real-data --no-runaway
#   BACKPROP_KIT_JVM_OPTS="-Xmx512m" bash src/scripts/bench-hub.sh 10    # the kernels' JVM options, as a hub would set them
set -euo pipefail
source "$(dirname "$0")/common.sh"

if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "the hub benchmark creates system users: run it as root"
    exec sudo --preserve-env=BACKPROP_KIT_PYTHON,BACKPROP_KIT_JVM_OPTS bash "$0" "$@"
fi
install_missing_packages
require_java
[ -f "$KIT/target/backprop-kit.jar" ] || build_kit
unset JUPYTER_PATH
sizes=() options=()
for arg in "$@"; do
    if [[ "$arg" =~ ^[0-9]+$ ]]; then sizes+=("$arg"); else options+=("$arg"); fi
done
[ ${#sizes[@]} -gt 0 ] || sizes=(10 20)
for n in "${sizes[@]}"; do
    say "A room of $n learners"
    "$JUPYTER_PYTHON" -u "$KIT/src/bench/hub/bench_hub.py" --learners "$n" "${options[@]}"
done

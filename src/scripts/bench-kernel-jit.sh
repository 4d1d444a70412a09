#!/usr/bin/env bash
# What the kernel's C1-only default costs training cells, and what C2 would cost start-up and memory
# (issue 18): the kit's kernel, installed into a temporary Jupyter path, started with its default JVM options
# and with full tiered compilation; start-up, memory after lesson 5, the lesson's run time, and the benchmark
# workloads trained in cells (first call and best of four more). Results: docs/performance.md.
#   bash src/scripts/bench-kernel-jit.sh [--starts N] [--variant "NAME=JVM OPTIONS" ...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ -f "$KIT/target/backprop-kit.jar" ] || build_kit
trap 'rm -rf "${KIT_TEMP_JUPYTER:-}"' EXIT
temporary_kernel backprop-java "$(readlink -f "$(command -v java)")"
mkdir -p "$KIT/build/bench"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JUPYTER_PYTHON" "$KIT/src/bench/kernel/measure_training.py" backprop-java \
    --lesson "$KIT/notebooks/05-output-gradients.ipynb" --json "$KIT/build/bench/kernel-jit.json" "$@"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

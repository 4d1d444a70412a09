#!/usr/bin/env bash
# Measures the kit's kernel against the peer Java kernel rapaio-jupyter-kernel 3.0.1 (from Maven Central):
# start to first result and trivial-cell round-trip (medians over 20 runs), and resident memory after a
# lesson. Both kernels are installed into a temporary Jupyter path. Results: docs/kernel.md.
#   bash src/scripts/bench-kernel.sh [--runs N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ -f "$KIT/target/backprop-kit.jar" ] || build_kit
trap 'rm -rf "${KIT_TEMP_JUPYTER:-}"' EXIT
java="$(readlink -f "$(command -v java)")"
temporary_kernel backprop-java "$java"

peer=io/github/padreati/rapaio-jupyter-kernel/3.0.1/rapaio-jupyter-kernel-3.0.1.jar
[ -f "$HOME/.m2/repository/$peer" ] || (cd "$KIT" && mvn -B -q dependency:get -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1)
mkdir -p "$JUPYTER_PATH/kernels/rapaio-peer"
cat > "$JUPYTER_PATH/kernels/rapaio-peer/kernel.json" <<JSON
{"argv": ["$java", "--enable-preview", "-cp", "$HOME/.m2/repository/$peer", "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
 "display_name": "rapaio (peer)", "language": "java", "interrupt_mode": "message"}
JSON
"$JUPYTER_PYTHON" "$KIT/src/bench/kernel/measure_kernels.py" backprop-java rapaio-peer \
    --lesson "$KIT/notebooks/05-output-gradients.ipynb" "$@"

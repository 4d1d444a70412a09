#!/usr/bin/env bash
# JupyterLab 4, in headless Chromium, on Debian's jupyter_server. Exits non-zero on failure.
#  1. Its renderers: every lesson executed through @jupyterlab/services and every output rendered by
#     JupyterLab's rendermime registry (default renderers, HTML sanitizer, marked, MathJax 3) on a small
#     page; display updates checked against the messaging protocol, tables against the sanitizer.
#  2. JupyterLab itself, assembled from its npm packages and served by jupyterlab_server: every lesson
#     opened, Run All, and what the notebook then shows.
# The two run at the same time; their lines are marked [renderers] and [lab].
#
#   bash src/scripts/test-lab.sh                 # the harness self-check, then every notebooks/*.ipynb
#   bash src/scripts/test-lab.sh notebooks/08-gradient-descent.ipynb
#
# Screenshots (look at them) and the servers' logs go to build/lab/ (the page's) and build/lab/app-screenshots/
# (JupyterLab's). npm packages are pinned in src/test/lab/package-lock.json; esbuild bundles both front
# ends into build/lab/page/ and build/lab/app/.
set -euo pipefail
source "$(dirname "$0")/common.sh"

LAB="$KIT/src/test/lab"
OUT="$KIT/build/lab"
need_browser_tools
"$JUPYTER_PYTHON" -c "import jupyter_server, jupyterlab_server" 2>/dev/null \
    || die "jupyter_server or jupyterlab_server is missing for $JUPYTER_PYTHON (Debian: apt-get install python3-jupyter-server python3-jupyterlab-server)"
if [ ! -f "$LAB/node_modules/.package-lock.json" ] || [ "$LAB/package-lock.json" -nt "$LAB/node_modules/.package-lock.json" ]; then
    say "Installing JupyterLab's front-end packages, esbuild and playwright-core from npm (src/test/lab/package-lock.json)"
    (cd "$LAB" && npm ci --no-audit --no-fund --loglevel=error)
fi
rm -rf "$OUT" && mkdir -p "$OUT"
node "$LAB/build.mjs" "$OUT" >/dev/null

trap 'rm -rf "${KIT_TEMP_JUPYTER:-}"' EXIT
[ -f "$KIT/target/backprop-kit.jar" ] || build_kit
temporary_kernel backprop-java "$(readlink -f "$(command -v java)")"
lessons=("$@") coverage=(--no-coverage)  # a hand-picked lesson need not hold a table, an update and math
[ ${#lessons[@]} -gt 0 ] || { lessons=("$KIT"/notebooks/*.ipynb); coverage=(); }
# The two front ends run side by side, each with its own server, browser and kernels: both mostly wait (on a
# kernel, on a step-through's pace, on MathJax), so together they take little more than the longer one.
say "Every lesson in JupyterLab's renderers (${#lessons[@]} notebooks, after a notebook whose check must fail) and in JupyterLab itself (open, Run All, look), side by side"
JUPYTER_PYTHON="$JUPYTER_PYTHON" node "$LAB/lab-renderers.mjs" --page "$OUT/page" --out "$OUT" "${coverage[@]}" \
    --planted "$LAB/fixtures/harness-error.ipynb" "CheckFailed: ✗ planted" "${lessons[@]}" 2>&1 | sed -u 's/^/[renderers] /' &
renderers=$!
JUPYTER_PYTHON="$JUPYTER_PYTHON" node "$LAB/lab-app.mjs" --app "$OUT/app" --out "$OUT/app-screenshots" "${lessons[@]}" 2>&1 \
    | sed -u 's/^/[lab] /' &
app=$!
failed=()
wait "$renderers" || failed+=("JupyterLab's renderers")
wait "$app" || failed+=("JupyterLab itself")
[ ${#failed[@]} -eq 0 ] || die "failed: ${failed[*]} (see the lines above, marked [renderers] and [lab])"
say "JupyterLab tests passed in ${SECONDS} s; screenshots in build/lab/ and build/lab/app-screenshots/"

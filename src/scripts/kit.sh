#!/usr/bin/env bash
# README command 1: set up a fresh machine and run the kit's main job.
# Installs what is missing, builds the kit, installs the backprop-java Jupyter kernel for you, and executes
# every lesson headlessly: executed notebooks and HTML pages (math typeset to SVG, so they read offline) land
# in build/lessons/, with a summary table.
set -euo pipefail
source "$(dirname "$0")/common.sh"

install_missing_packages
require_java
build_kit
bash "$KIT/src/scripts/install-kernel.sh" --user --no-build
(install_math_renderer) || say "Could not install MathJax from npm: the HTML pages will load MathJax as nbconvert set them up"
say "Executing the lessons"
"$JUPYTER_PYTHON" "$KIT/src/scripts/run-lessons.py" --kernel backprop-java --out "$KIT/build/lessons"
say "Done. Open build/lessons/*.html in a browser, or work through the lessons with: bash src/scripts/open-lessons.sh"

#!/usr/bin/env bash
# README command 2: run every test of the kit. Exits non-zero when anything fails.
#   JUnit (library, data, plots) → the same bits on each JDK → kernel tests through Jupyter clients on each JDK → every lesson executed
#   → instructor tools (student copies, planted wrong answers, offline bundle, system-wide install)
#   → a lesson, a step-through and a lesson's HTML page in a real browser
#   → every lesson in JupyterLab's own renderers → two learners at once on a real JupyterHub.
set -euo pipefail
source "$(dirname "$0")/common.sh"

install_missing_packages
require_java
say "Unit tests (mvn package: compiles, runs JUnit, builds the jar the kernel runs)"
(cd "$KIT" && mvn -B package)
say "Same numbers, bit for bit, on JDK 17 and on the newest JDK"
bash "$KIT/src/scripts/test-same-bits.sh"
BACKPROP_KIT_LESSONS_ON_DEFAULT_JDK=0 bash "$KIT/src/scripts/test-kernel.sh"  # the lesson step below runs the lessons there
say "Lessons: validated, executed with the kit's kernel, committed without outputs, math typeset to SVG"
install_math_renderer
trap 'rm -rf "${KIT_TEMP_JUPYTER:-}"' EXIT
temporary_kernel backprop-java "$(readlink -f "$(command -v java)")"
"$JUPYTER_PYTHON" "$KIT/src/scripts/run-lessons.py" --kernel backprop-java --check-clean --jobs 2 --out "$KIT/build/test-lessons"
say "Instructor tools: student copies, planted wrong answers for every exercise, offline bundle, system-wide install"
# Each test runs its own kernel, so they spread over the cores (pytest-xdist) when it is installed.
mapfile -t spread < <(pytest_workers auto)
(cd "$KIT" && "$JUPYTER_PYTHON" -m pytest -q -p no:cacheprovider --durations=5 "${spread[@]}" src/test/python/instructors)
bash "$KIT/src/scripts/test-e2e.sh"
bash "$KIT/src/scripts/test-lab.sh"
bash "$KIT/src/scripts/test-hub.sh"
say "All tests passed"

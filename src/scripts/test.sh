#!/usr/bin/env bash
# README command 2: run every test of the kit. Exits non-zero when anything fails.
#   JUnit (library, data, plots) → kernel tests through Jupyter clients on each JDK → every lesson executed
#   → instructor tools (student copies, offline bundle, system-wide install) → a lesson in a real browser.
set -euo pipefail
source "$(dirname "$0")/common.sh"

install_missing_packages
require_java
say "Unit tests (mvn package: compiles, runs JUnit, builds the jar the kernel runs)"
(cd "$KIT" && mvn -B package)
BACKPROP_KIT_LESSONS_ON_DEFAULT_JDK=0 bash "$KIT/src/scripts/test-kernel.sh"  # the next step runs the lessons there
say "Lessons: validated, executed with the kit's kernel, committed without outputs"
trap 'rm -rf "${KIT_TEMP_JUPYTER:-}"' EXIT
temporary_kernel backprop-java "$(readlink -f "$(command -v java)")"
"$JUPYTER_PYTHON" "$KIT/src/scripts/run-lessons.py" --kernel backprop-java --check-clean --out "$KIT/build/test-lessons"
say "Instructor tools: student copies, offline bundle, system-wide install"
(cd "$KIT" && "$JUPYTER_PYTHON" -m pytest -q -p no:cacheprovider src/test/python/instructors)
bash "$KIT/src/scripts/test-e2e.sh"
say "All tests passed"

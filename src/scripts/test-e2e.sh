#!/usr/bin/env bash
# A real browser: opens lessons in headless Chromium through Debian's Jupyter Notebook, runs all
# cells, and checks the page shows rendered LaTeX, a plot and no error output; then a step-through
# notebook, whose picture must change in place frame by frame and end on the final frame; then opens a
# lesson's HTML page from a temporary folder, offline and with Debian's MathJax blocked, and checks its
# math is typeset.
# Exits non-zero on failure.
#
#   bash src/scripts/test-e2e.sh                 # the harness self-check, the default notebooks, the step-through
#   bash src/scripts/test-e2e.sh notebooks/*.ipynb
#
# Screenshots and Jupyter's logs go to build/e2e/. Needs chromium, node and npm (installed with apt
# when missing and allowed); playwright-core comes from npm into src/test/e2e/node_modules.
# The kit's kernel is installed into a temporary prefix for the run, not for the user.
set -euo pipefail
source "$(dirname "$0")/common.sh"

E2E="$KIT/src/test/e2e"
OUT="$KIT/build/e2e"
# A lesson whose outputs hold a derivation as LaTeX and a plot (the browser checks both).
DEFAULT_LESSONS="${BACKPROP_KIT_E2E_LESSONS:-$KIT/notebooks/05-output-gradients.ipynb}"
# A lesson whose HTML page holds math in text and in outputs (a derivation): its page is opened offline.
PAGE_LESSON="${BACKPROP_KIT_E2E_PAGE:-$KIT/notebooks/05-output-gradients.ipynb}"
# A notebook with a step-through played into one display: cells tagged `frames` and `final-frame`
# (lesson 4 plays its forward pass).
FRAMES_NOTEBOOK="${BACKPROP_KIT_E2E_FRAMES:-$KIT/notebooks/04-forward-pass.ipynb}"

need_browser_tools
if [ ! -d "$E2E/node_modules/playwright-core" ]; then
    say "Installing playwright-core from npm (pinned in src/test/e2e/package-lock.json)"
    (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error)
fi
mkdir -p "$OUT"
e2e() { JUPYTER_PYTHON="$JUPYTER_PYTHON" node "$E2E/notebook-e2e.mjs" --out "$OUT" "$@"; }

say "Browser harness self-check (Python kernel): a clean notebook passes, one with an error fails"
e2e "$E2E/fixtures/harness-passes.ipynb" --expect-latex-output
if e2e "$E2E/fixtures/harness-error.ipynb" >"$OUT/harness-error.out" 2>&1; then
    cat "$OUT/harness-error.out"
    die "the browser test passed a notebook whose cell raises ZeroDivisionError: it cannot see errors"
fi
grep -q "ZeroDivisionError" "$OUT/harness-error.out" || { cat "$OUT/harness-error.out"; die "the harness failed, but not for the error it should report"; }

lessons=("$@")
if [ ${#lessons[@]} -eq 0 ]; then
    # shellcheck disable=SC2206
    lessons=($DEFAULT_LESSONS)
fi
[ ${#lessons[@]} -gt 0 ] || die "no lesson to open: pass notebooks, or set BACKPROP_KIT_E2E_LESSONS"
[ -x "$KIT/src/scripts/install-kernel.sh" ] || [ -f "$KIT/src/scripts/install-kernel.sh" ] \
    || die "src/scripts/install-kernel.sh is missing: the lessons need the kit's kernel"

trap 'rm -rf "${KIT_TEMP_JUPYTER:-}"' EXIT
say "Installing the kit's kernel into a temporary prefix"
[ -f "$KIT/target/backprop-kit.jar" ] || build_kit
temporary_kernel backprop-java "$(readlink -f "$(command -v java)")"
status=0
for lesson in "${lessons[@]}"; do
    say "Lesson in the browser: $lesson"
    e2e "$lesson" --expect-latex-output || status=1
done
say "A step-through in the browser: $FRAMES_NOTEBOOK"
e2e "$FRAMES_NOTEBOOK" --expect-latex-output --expect-frames || status=1

# A page is read elsewhere: the math must be typeset into the page itself (src/scripts/math), not left to a
# MathJax that only this machine has. The page is made fresh, then opened from a temporary folder.
say "A lesson's HTML page without Debian's MathJax, offline: $PAGE_LESSON"
install_math_renderer
PAGES="$OUT/pages"
rm -rf "$PAGES"
"$JUPYTER_PYTHON" "$KIT/src/scripts/run-lessons.py" --kernel backprop-java --out "$PAGES" "$PAGE_LESSON" >"$OUT/pages.out" \
    || { cat "$OUT/pages.out"; die "could not make the page of $PAGE_LESSON"; }
page="$PAGES/$(basename "${PAGE_LESSON%.ipynb}").html"
node "$E2E/page-math.mjs" "$page" --out "$OUT" || status=1
say "Page check self-check: the same page as nbconvert writes it, with math left to MathJax, must fail"
"$JUPYTER_PYTHON" -m nbconvert --to html --log-level=ERROR --output-dir "$PAGES/nbconvert" "${page%.html}.ipynb"
if node "$E2E/page-math.mjs" "$PAGES/nbconvert/$(basename "$page")" --out "$OUT/nbconvert" >"$OUT/page-raw.out" 2>&1; then
    cat "$OUT/page-raw.out"
    die "the page check passed a page whose math needs Debian's MathJax: it cannot see raw TeX"
fi
grep -q "no raw TeX in the text" "$OUT/page-raw.out" || { cat "$OUT/page-raw.out"; die "the page check failed, but not for the raw TeX"; }
[ $status -eq 0 ] && say "Browser tests passed; screenshots in build/e2e/"
exit $status

#!/usr/bin/env bash
# A real browser: opens lessons in headless Chromium through Debian's Jupyter Notebook, runs all
# cells, and checks the page shows rendered LaTeX, a plot and no error output. Exits non-zero on failure.
#
#   bash src/scripts/test-e2e.sh                 # the harness self-check, then the default notebooks
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

need_commands() {
    local missing=()
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "the browser test needs ${missing[*]}: install them (Chromium or Chrome: set CHROMIUM=path)"
    apt_install "${missing[@]}"
}

need_commands
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
[ $status -eq 0 ] && say "Browser tests passed; screenshots in build/e2e/"
exit $status

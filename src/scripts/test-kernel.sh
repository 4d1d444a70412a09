#!/usr/bin/env bash
# The kernel's tests through real Jupyter clients: the conformance suite (jupyter_kernel_test) and the
# integration tests in src/test/python/kernel, on JDK 17 and on the newest JDK found in /usr/lib/jvm.
# The kernel is installed into a temporary Jupyter path, so the user's own kernels are not touched.
# test_lessons.py executes every lesson on each JDK; test.sh, whose own lesson step executes them on the default
# JDK with the same checks, sets BACKPROP_KIT_LESSONS_ON_DEFAULT_JDK=0 to skip the same work here.
#   bash src/scripts/test-kernel.sh [pytest options]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ -f "$KIT/target/backprop-kit.jar" ] || build_kit
trap 'rm -rf "${KIT_TEMP_JUPYTER:-}"' EXIT

# One kernel per JDK: the default java, and the newest JDK on the machine if it is another one.
mapfile -t jdks < <(test_jdks)

for java in "${jdks[@]}"; do
    feature="$(java_feature "$java")"
    name="backprop-java-test-$feature"
    temporary_kernel "$name" "$java"
    say "Kernel tests on Java $feature ($java)"
    (cd "$KIT/src/test/python/kernel" && BACKPROP_KIT_KERNEL="$name" "$JUPYTER_PYTHON" -m pytest -q -p no:cacheprovider --ignore=test_lessons.py "$@") \
        || [ $? = 5 ]  # 5: options that select no test here (e.g. -k for a lesson)
    if [ "$java" != "${jdks[0]}" ] || [ "${BACKPROP_KIT_LESSONS_ON_DEFAULT_JDK:-1}" = 1 ]; then
        # Each lesson has its own kernel, so two run at a time (pytest-xdist) when it is installed; the tests
        # above stay one at a time, as some of them measure how soon the kernel answers.
        spread=(); "$JUPYTER_PYTHON" -c "import xdist" 2>/dev/null && spread=(-n 2)
        (cd "$KIT/src/test/python/kernel" && BACKPROP_KIT_KERNEL="$name" "$JUPYTER_PYTHON" -m pytest -q -p no:cacheprovider "${spread[@]}" test_lessons.py "$@") \
            || [ $? = 5 ]
    fi
done

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
# Each lesson has its own kernel, so two run at a time; the other tests stay one at a time, as some of them
# measure how soon the kernel answers.
mapfile -t spread < <(pytest_workers 2)

# pytest in the kernel's test folder on kernel $name; exit code 5 (options that select no test here, e.g. -k
# for a lesson) is no failure.
kernel_pytest() {
    (cd "$KIT/src/test/python/kernel" && BACKPROP_KIT_KERNEL="$name" "$JUPYTER_PYTHON" -m pytest -q -p no:cacheprovider "$@") \
        || [ $? = 5 ]
}

for java in "${jdks[@]}"; do
    feature="$(java_feature "$java")"
    name="backprop-java-test-$feature"
    temporary_kernel "$name" "$java"
    say "Kernel tests on Java $feature ($java)"
    kernel_pytest --ignore=test_lessons.py "$@"
    if [ "$java" != "${jdks[0]}" ] || [ "${BACKPROP_KIT_LESSONS_ON_DEFAULT_JDK:-1}" = 1 ]; then
        kernel_pytest "${spread[@]}" test_lessons.py "$@"
    fi
done

#!/usr/bin/env bash
# The kernel's tests through real Jupyter clients: the conformance suite (jupyter_kernel_test) and the
# integration tests in src/test/python/kernel, on JDK 17 and on the newest JDK found in /usr/lib/jvm.
# The kernel is installed into a temporary Jupyter path, so the user's own kernels are not touched.
#   bash src/scripts/test-kernel.sh [pytest options]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ -f "$KIT/target/backprop-kit.jar" ] || build_kit
trap 'rm -rf "${KIT_TEMP_JUPYTER:-}"' EXIT

# One kernel per JDK: the default java, and the newest JDK on the machine if it is another one.
mapfile -t jdks < <(test_jdks)

for java in "${jdks[@]}"; do
    feature="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    name="backprop-java-test-$feature"
    temporary_kernel "$name" "$java"
    say "Kernel tests on Java $feature ($java)"
    (cd "$KIT/src/test/python/kernel" && BACKPROP_KIT_KERNEL="$name" "$JUPYTER_PYTHON" -m pytest -q -p no:cacheprovider "$@")
done

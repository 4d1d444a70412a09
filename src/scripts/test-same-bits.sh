#!/usr/bin/env bash
# The kit promises the same numbers on every JDK from 17 on. A JUnit test runs on one JDK, so this runs
# SameBitsOnEveryJdk (activations on a grid, a tanh network's gradients, training runs, gradient checks,
# all printed bit for bit with %a) on JDK 17 and on the newest JDK in /usr/lib/jvm, and fails when a
# single bit differs. Needs the compiled classes of `mvn package` (test.sh runs it after the build).
#   bash src/scripts/test-same-bits.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ -d "$KIT/target/test-classes" ] || (cd "$KIT" && mvn -B -q package -DskipTests)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cp="$KIT/target/test-classes:$KIT/target/classes:$KIT/target/lib/*"
mapfile -t jdks < <(test_jdks)
for java in "${jdks[@]}"; do
    # JDK 25 warns on stderr about a library's use of sun.misc.Unsafe; show stderr only when the run fails.
    "$java" -cp "$cp" org.backpropkit.SameBitsOnEveryJdk > "$out/$(basename "$(dirname "$(dirname "$java")")").txt" \
        2> "$out/stderr" || { cat "$out/stderr" >&2; die "SameBitsOnEveryJdk failed on $java"; }
done
if [ "${#jdks[@]}" -lt 2 ]; then
    say "Same bits on every JDK: only one JDK here (${jdks[0]}), nothing to compare"
    exit 0
fi
first="$out/$(basename "$(dirname "$(dirname "${jdks[0]}")")").txt"
for java in "${jdks[@]:1}"; do
    other="$out/$(basename "$(dirname "$(dirname "$java")")").txt"
    if ! cmp -s "$first" "$other"; then
        echo "The kit's numbers differ between ${jdks[0]} and $java ($(diff "$first" "$other" | grep -c '^<') of $(wc -l < "$first") lines); the first differences:" >&2
        diff "$first" "$other" | head -20 >&2
        exit 1
    fi
done
say "Same bits on every JDK: $(wc -l < "$first") lines of numbers identical on ${jdks[*]}"

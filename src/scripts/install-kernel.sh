#!/usr/bin/env bash
# Installs the kit's Jupyter kernel, `backprop-java`, so notebooks can choose it.
#
#   bash src/scripts/install-kernel.sh                 for you (~/.local/share/jupyter/kernels)
#   bash src/scripts/install-kernel.sh --sys-prefix    into the Python environment that runs Jupyter (JupyterHub)
#   bash src/scripts/install-kernel.sh --prefix DIR    into DIR/share/jupyter/kernels (e.g. /usr/local: every user)
#   bash src/scripts/install-kernel.sh --uninstall [--user|--sys-prefix|--prefix DIR]
# Other options: --java PATH (the JDK's java to run the kernel with; default: java on PATH),
#                --name NAME (another kernel name, e.g. to keep one per JDK), --no-build.
# Installing again replaces the old kernelspec: it is idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

where=(--user) uninstall=0 name=backprop-java java="" build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --user) where=(--user) ;;
        --sys-prefix) where=(--sys-prefix) ;;
        --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; where=(--prefix "$2"); shift ;;
        --uninstall) uninstall=1 ;;
        --java) [ $# -ge 2 ] || die "--java needs the path of a java executable"; java="$2"; shift ;;
        --name) [ $# -ge 2 ] || die "--name needs a kernel name"; name="$2"; shift ;;
        --no-build) build=0 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done

jupyter() { "$JUPYTER_PYTHON" -m jupyter "$@"; }
"$JUPYTER_PYTHON" -c "import jupyter_client" 2>/dev/null \
    || die "Jupyter is not installed for $JUPYTER_PYTHON (Debian: apt-get install jupyter-notebook; elsewhere: pip install notebook, and set BACKPROP_KIT_PYTHON)"

if [ $uninstall = 1 ]; then
    case "${where[0]}" in
        --user) dir="$(jupyter --data-dir)/kernels/$name" ;;
        --sys-prefix) dir="$("$JUPYTER_PYTHON" -c 'import sys; print(sys.prefix)')/share/jupyter/kernels/$name" ;;
        --prefix) dir="${where[1]}/share/jupyter/kernels/$name" ;;
    esac
    if [ -d "$dir" ]; then rm -rf "$dir"; say "Removed the kernel $name from $dir"; else say "No kernel $name in $dir"; fi
    exit 0
fi

java="$(readlink -f "${java:-$(command -v java || true)}")"
[ -x "$java" ] || die "no java found: install a JDK 17 or newer, or pass --java /path/to/bin/java"
feature="$(java_feature "$java")"
[ "${feature%%.*}" -ge 17 ] 2>/dev/null || die "$java is Java $feature; the kernel needs 17 or newer"

[ $build = 0 ] || [ -f "$KIT/target/backprop-kit.jar" ] || build_kit
[ -f "$KIT/target/backprop-kit.jar" ] || die "$KIT/target/backprop-kit.jar is missing: run mvn -B package first"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name"
# JVM defaults chosen for a workshop server, where each learner runs a kernel (measured in docs/kernel.md):
# the C1 compiler only (faster start and cells, less memory; lessons' training cells stay well under a
# second), serial GC with a small young generation that gives memory back as soon as a full collection finds
# it free (-XX:-ShrinkHeapInSteps: the kernel collects after an OutOfMemoryError), and a class-data-sharing
# archive made at install time, mapped where it was made (-XX:ArchiveRelocationMode=0: this JDK's default moves
# the archives to a random address and rewrites their pointers, which takes ~40 ms at every start and turns
# ~18 MB of pages that kernels on one machine could share into each kernel's own).
# The learner's BACKPROP_KIT_JVM_OPTS come last, so they win (e.g. -XX:TieredStopAtLevel=4 -Xmx4g).
jvm_opts="-ea -Djava.awt.headless=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -Xms16m -Xmx1g \
-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps -Xss4m \
-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
classpath="$KIT/target/backprop-kit.jar:$KIT/target/lib/*"
cat > "$stage/$name/launch.sh" <<LAUNCH
#!/bin/sh
# Starts the backprop-java kernel; written by src/scripts/install-kernel.sh.
connection="\$1"
cds="\$(dirname "\$0")/kit.jsa"
if [ -f "\$cds" ]; then set -- "-XX:SharedArchiveFile=\$cds" -Xlog:cds=off -Xlog:cds+dynamic=off; else set --; fi
exec "$java" $jvm_opts "\$@" \${BACKPROP_KIT_JVM_OPTS:-} -cp "$classpath" org.backpropkit.kernel.Main "\$connection"
LAUNCH
# The archive holds the classes a typical session loads, for this JDK; a JDK update just ignores it.
# shellcheck disable=SC2086
"$java" $jvm_opts -XX:ArchiveClassesAtExit="$stage/$name/kit.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$classpath" org.backpropkit.kernel.Main --warm-up >/dev/null 2>&1 || rm -f "$stage/$name/kit.jsa"
chmod +x "$stage/$name/launch.sh"
"$JUPYTER_PYTHON" - "$stage/$name/kernel.json" "$feature" "$name" <<'PY'
import json, sys
path, feature, name = sys.argv[1:]
json.dump({
    "argv": ["/bin/sh", "{resource_dir}/launch.sh", "{connection_file}"],
    "display_name": f"Java {feature} (Backprop Kit)" + ("" if name == "backprop-java" else f" [{name}]"),
    "language": "java",
    "interrupt_mode": "message",
    "metadata": {"kit": "Backprop Kit"},
}, open(path, "w"), indent=1)
PY
log="$(jupyter kernelspec install --replace --name "$name" "${where[@]}" "$stage/$name" 2>&1)" \
    || die "jupyter kernelspec install failed: $log"
dir="$(printf '%s\n' "$log" | sed -n 's/.*Installed kernelspec [^ ]* in //p' | tail -1)"
say "Installed the Jupyter kernel $name (Java $feature) ${dir:+in $dir}"

#!/usr/bin/env bash
# The offline bundle: everything a classroom without network needs, in one archive.
#
#   bash src/scripts/bundle.sh          # -> build/backprop-kit-offline.tar.gz
#
# Inside, the repository's layout is kept (target/, src/scripts/, notebooks/, data/, docs/) so the
# kernel installer runs from the unpacked folder exactly as from a checkout, with no Maven and no
# network: Java 17+ and Jupyter must already be there. Student copies of the lessons go in student/.
set -euo pipefail
source "$(dirname "$0")/common.sh"

NAME=backprop-kit-offline
STAGE="$KIT/build/bundle/$NAME"
ARCHIVE="$KIT/build/$NAME.tar.gz"

require_java
build_kit
[ -f "$KIT/src/scripts/install-kernel.sh" ] || die "src/scripts/install-kernel.sh is missing: the bundle needs the kernel installer"

say "Staging $STAGE"
rm -rf "$STAGE"
mkdir -p "$STAGE/target" "$STAGE/src/scripts"
cp "$KIT/target/backprop-kit.jar" "$KIT/target/backprop-kit-sources.jar" "$STAGE/target/"
cp -r "$KIT/target/lib" "$STAGE/target/lib"
cp "$KIT/src/scripts/install-kernel.sh" "$KIT/src/scripts/common.sh" "$STAGE/src/scripts/"
cp "$KIT/src/scripts/bundle/INSTALL.md" "$STAGE/INSTALL.md"
cp "$KIT/README.md" "$STAGE/"
for dir in notebooks data docs; do
    [ -d "$KIT/$dir" ] && cp -r "$KIT/$dir" "$STAGE/$dir"
done
if compgen -G "$KIT/notebooks/*.ipynb" >/dev/null; then
    "$JUPYTER_PYTHON" "$KIT/src/scripts/student.py" --out "$STAGE/student" >/dev/null
fi
# Nothing a checkout's scratch work left behind.
find "$STAGE" \( -name .ipynb_checkpoints -o -name __pycache__ \) -prune -exec rm -rf {} +

say "Packing $ARCHIVE"
# Sorted names, fixed owner and times: the same inputs give the same archive.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-$(git -C "$KIT" log -1 --format=%ct 2>/dev/null || echo 0)}" \
    -czf "$ARCHIVE" -C "$(dirname "$STAGE")" "$NAME"
echo "$(du -h "$ARCHIVE" | cut -f1)  $ARCHIVE  ($(tar -tzf "$ARCHIVE" | grep -vc '/$') files)"

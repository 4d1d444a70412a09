#!/usr/bin/env bash
# README command 2: run every test of the kit. Exits non-zero when anything fails.
set -euo pipefail
source "$(dirname "$0")/common.sh"

install_missing_packages
require_java
say "Unit tests (mvn package: compiles, runs JUnit, builds the jar the kernel runs)"
(cd "$KIT" && mvn -B package)
bash "$KIT/src/scripts/test-kernel.sh"
say "All tests passed"

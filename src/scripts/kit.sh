#!/usr/bin/env bash
# README command 1: set up a fresh machine and run the kit's main job.
# Installs what is missing, builds the kit, then runs the demo in the terminal.
set -euo pipefail
source "$(dirname "$0")/common.sh"

install_missing_packages
require_java
build_kit
say "The article's network, derived and checked"
java -Djava.awt.headless=true -cp "$KIT/target/classes:$KIT/target/lib/*" org.backpropkit.Demo

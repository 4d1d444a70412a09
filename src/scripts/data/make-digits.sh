#!/bin/sh
# Writes data/digits.csv from the copy of Alpaydin and Kaynak's 8×8 handwritten digits that Debian's
# python3-sklearn ships (BSD-3-Clause, see data/README.md). sklearn's digits.csv.gz has no header: each
# of its 1,797 lines holds 64 pixels (row by row, integers 0..16) and then the digit. The kit's copy
# gets a header row naming each pixel by its row and column, pixel_0_0 … pixel_7_7 (sklearn's own
# feature names), and label, so the file explains itself and loads by column name.
# Usage (from the repository root): sh src/scripts/data/make-digits.sh [SOURCE] > data/digits.csv
set -eu
src=${1:-/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz}
if [ ! -r "$src" ]; then
    echo "no digits.csv.gz at $src: apt-get install -y python3-sklearn, or give its path" >&2
    exit 1
fi
gzip -dc "$src" | awk -F, 'NR == 1 { for (r = 0; r < 8; r++) for (c = 0; c < 8; c++) printf "pixel_%d_%d,", r, c
                                     print "label" }
                           { sub(/\r$/, "")
                             if (NF != 65) { print "line " NR " has " NF " fields, expected 65" > "/dev/stderr"; exit 1 }
                             print }'

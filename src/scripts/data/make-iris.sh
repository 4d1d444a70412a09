#!/bin/sh
# Writes data/iris.csv from the copy of Fisher's iris data that Debian's python3-sklearn ships
# (BSD-3-Clause, see data/README.md). sklearn's file starts with a count line
# ("150,4,setosa,versicolor,virginica") and codes the species 0/1/2; the kit's copy gets a header
# row of column names and the species names instead of codes, so no reader has to know the layout.
# Usage (from the repository root): sh src/scripts/data/make-iris.sh [SOURCE] > data/iris.csv
set -eu
src=${1:-/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv}
if [ ! -r "$src" ]; then
    echo "no iris.csv at $src: apt-get install -y python3-sklearn, or give its path" >&2
    exit 1
fi
awk -F, 'NR == 1 { for (k = 3; k <= NF; k++) name[k - 3] = $k
                   print "sepal_length,sepal_width,petal_length,petal_width,species"; next }
         { sub(/\r$/, ""); print $1 "," $2 "," $3 "," $4 "," name[$5] }' "$src"

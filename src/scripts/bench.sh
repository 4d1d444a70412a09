#!/usr/bin/env bash
# The speed comparison: the kit (JMH 1.37) against NumPy and PyTorch 1.13 on the same workloads, same data,
# same initial weights, same batch order, float64, in one run. Prints one table; raw results in build/bench/.
#   bash src/scripts/bench.sh        (about 2 minutes here; results and discussion: docs/performance.md)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
KIT_APT_PACKAGES="python3-numpy python3-torch python3-sklearn" install_missing_packages
require_java

out="$KIT/build/bench"
mkdir -p "$out"
load() { cut -d' ' -f1 /proc/loadavg; }
start_load="$(load)"
say "Building with the bench profile (mvn -Pbench package)"
(cd "$KIT" && mvn -B -q -Pbench -DskipTests package)
cp="$KIT/target/backprop-kit.jar:$KIT/target/lib/*"
# The kit's vector products need the JDK's incubating vector module; the JVM then warns on stderr, once
# (JMH's forks get it from TrainingBench's annotations).
vector=(--add-modules jdk.incubator.vector)
quiet_vector() { grep -v '^WARNING: Using incubator modules' >&2 || true; }
java -cp "$cp" org.backpropkit.bench.Workload "$out/data"
say "The kit's 512×512 product, vector and plain"
java "${vector[@]}" -cp "$cp" org.backpropkit.bench.MatmulPeak > "$out/matmul-gflops.txt" 2> >(quiet_vector)
java -cp "$cp" org.backpropkit.bench.MatmulPeak > "$out/matmul-plain.txt"
say "Allocation per training step after warm-up"
java "${vector[@]}" -cp "$cp" org.backpropkit.bench.AllocationPerStep > "$out/alloc.txt" 2> >(quiet_vector)
say "The kit (JMH, gc profiler): one thread, all cores, gradient checks"
java -cp "$cp" org.openjdk.jmh.Main -prof gc -rf json -rff "$out/jmh.json" TrainingBench > "$out/jmh.log"
say "The kit with its plain-Java products (no vector module), one thread"
java -cp "$cp" org.openjdk.jmh.Main -jvmArgsAppend "-Xms1g -Xmx1g" -p workload=DIGITS,WIDE -p threads=1 -wi 6 -i 3 \
    -rf json -rff "$out/jmh-plain.json" 'TrainingBench\.train$' > "$out/jmh-plain.log"
say "NumPy and PyTorch, pinned to one thread"
OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 TORCH_NUM_THREADS=1 \
    "$JUPYTER_PYTHON" -c "import torch, runpy, sys; torch.set_num_threads(1); sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')" \
    "$KIT/src/bench/python/peers.py" "$out/data" "$out/peers-1-thread.json" > "$out/peers-1-thread.log"
say "PyTorch and NumPy with their default threads"
"$JUPYTER_PYTHON" "$KIT/src/bench/python/peers.py" "$out/data" "$out/peers-default.json" --repeats 3 > "$out/peers-default.log"
echo "$start_load, $(load)" > "$out/load.txt"
say "Results (also in build/bench/table.md)"
"$JUPYTER_PYTHON" "$KIT/src/bench/python/report.py" "$out"
# The default build again, so the kernel and the tests use a jar without benchmarks, and target/lib without
# JMH: left there, its annotation processor was on the kernel's class path (javac ran it on every cell) and
# the kernel started ~0.4 s slower.
rm -rf "$KIT/target/lib"
(cd "$KIT" && mvn -B -q -DskipTests package)

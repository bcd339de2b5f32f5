#!/bin/sh
# Spanning-tree convergence on a ring of three switch namespaces inside user-mode Linux: swshd's
# rapid tree (rapid-pvst) and the kernel's 802.1D (pvst), in the same run (SpanningTreeBench).
#   bench/spanning-tree.sh
set -eu
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
sh src/main/resources/swsh/lab/uml-run.sh target/uml-stp-bench "$(readlink -f "$(command -v java)")" -Xmx512m \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" swsh.kernel.KernelSuiteMain swsh.kernel.SpanningTreeBench || true
grep -E "spanning-tree mode|kernel scenarios" target/uml-stp-bench/output

#!/bin/sh
# swsh against the kernel's floor, inside user-mode Linux (see src/test/java/swsh/kernel/SpeedBench.java):
# boot of a 48-port config, one access VLAN change, the same with MACS (default 50000) MACs in the bridge,
# each as a ratio to iproute2 batch processes doing the same, measured in the same run.
#   bench/kernel-speed.sh [--at GIT-REF] [MACS]
# --at measures the swsh of an older commit (built in target/at-REF with today's SpeedBench).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
dir=$root
if [ "${1:-}" = "--at" ]; then
  ref=$2; shift 2
  dir=$root/target/at-$ref
  rm -rf "$dir"; mkdir -p "$dir"
  git archive "$ref" | tar -x -C "$dir"
  cp src/test/java/swsh/kernel/SpeedBench.java "$dir/src/test/java/swsh/kernel/"
fi
cd "$dir"
mvn -B -q -o -DskipTests package
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
sh "$root/bench/fetch-ifupdown2.sh" >/dev/null || echo "kernel-speed: ifupdown2 not fetched; its row is skipped" >&2
[ "$dir" = "$root" ] || cp -r "$root/target/ifupdown2" "$dir/target/" 2>/dev/null || true
status=0
sh src/main/resources/swsh/lab/uml-run.sh target/uml-bench "$(readlink -f "$(command -v java)")" -Xmx768m \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" swsh.kernel.SpeedBench "$@" || status=$?
cat target/uml-bench/output
exit $status

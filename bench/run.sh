#!/bin/sh
# Reruns every figure quoted in the README's measurements, in one run: the start-up and memory of
# the client and swshd against a bare JVM (bench/startup.py), the planner's cost, and the kernel
# rows inside user-mode Linux (bench/kernel-speed.sh: boot, changes, the MAC table, 4094 VLANs,
# Debian's ifupdown2), each against its floor measured in the same run; and spanning-tree
# convergence, swshd's rapid tree against the kernel's 802.1D on the same ring (bench/spanning-tree.sh).
#   bench/run.sh [MACS]
set -eu
cd "$(dirname "$0")/.."
mvn -q -DskipTests package test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
python3 bench/startup.py -n 21
java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" swsh.PlannerBench
sh bench/kernel-speed.sh "$@"
sh bench/spanning-tree.sh

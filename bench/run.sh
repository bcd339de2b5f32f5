#!/bin/sh
# Reruns the figures quoted in the README: shell start-up latency and planner cost.
set -eu
cd "$(dirname "$0")/.."
mvn -q -DskipTests package test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
tmp=$(mktemp -d)
n=10
start=$(date +%s%N)
i=0
while [ $i -lt $n ]; do
  ./swsh --dry-run --config-dir "$tmp/etc" --run-dir "$tmp/run" -c 'show vlan brief' >/dev/null
  i=$((i + 1))
done
end=$(date +%s%N)
echo "swsh -c 'show vlan brief' (JVM start included), mean of $n: $(( (end - start) / n / 1000000 )) ms"
java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" swsh.PlannerBench
rm -rf "$tmp"

#!/bin/sh
# Reruns the figures quoted in the README: the start-up and memory of the client and swshd
# against a bare JVM (bench/startup.py), and the planner's cost.
set -eu
cd "$(dirname "$0")/.."
mvn -q -DskipTests package test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
python3 bench/startup.py -n 21
java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" swsh.PlannerBench

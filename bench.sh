#!/usr/bin/env bash
# Runs the benchmarks (they print figures; they are not part of ./test.sh).
# ./bench.sh                    all benchmarks
# ./bench.sh -pl meetings-service -am   one service's
set -euo pipefail
cd "$(dirname "$0")"
source deploy/local-stack/scripts/jdk.sh
exec ./mvnw -B -ntp -Pbenchmark -Dsurefire.failIfNoSpecifiedTests=false test "$@"

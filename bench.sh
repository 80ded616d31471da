#!/usr/bin/env bash
# Runs the benchmarks (they print figures; they are not part of ./test.sh).
# ./bench.sh                    all benchmarks
# ./bench.sh -pl meetings-service -am   one service's
# ./bench.sh pipeline           the whole pipeline as processes (system-tests' PipelineBenchmark; builds the jars
#                               first); e.g. ./bench.sh pipeline -Dbench.sizes=10000,100000,1000000 -Dbench.seconds=20
set -euo pipefail
cd "$(dirname "$0")"
source deploy/local-stack/scripts/jdk.sh
if [ "${1:-}" = pipeline ]; then
  shift
  exec ./mvnw -B -ntp -Pbenchmark -pl system-tests -am -Dtest=PipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine=-Dlogback.configurationFile=pipeline-benchmark-logback.xml \
    package "$@"
fi
exec ./mvnw -B -ntp -Pbenchmark -Dsurefire.failIfNoSpecifiedTests=false test "$@"

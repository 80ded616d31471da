#!/usr/bin/env bash
# Loads a realistic demo of this year and the last into a running stack (./run.sh), through the services' APIs.
#   ./demo.sh                       the default demo: 10 groups, ~300 meetings, ~4,400 appeals, ~900 instructions
#   ./demo.sh --scale 0.2           a smaller one; other options: --year Y --seed N --threads T
#                                   --meetings http://127.0.0.1:8081 --appeals http://127.0.0.1:8082
# Loading twice adds a second set of meetings, appeals and instructions (groups are reused).
set -euo pipefail
cd "$(dirname "$0")"
source deploy/local-stack/scripts/jdk.sh
target=deploy/local-stack/target
if [ ! -f "$target/local-stack.jar" ] || [ ! -f "$target/classpath.txt" ]; then
  echo "Building the loader..."
  ./mvnw -B -ntp -q -DskipTests install -pl deploy/local-stack -am
fi
exec java -cp "$target/local-stack.jar:$(<"$target/classpath.txt")" ru.outreach.localstack.demo.DemoYear "$@"

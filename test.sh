#!/usr/bin/env bash
# Runs every test of every module (unit, integration with a real Kafka broker and the store, browser tests).
# Extra arguments go to Maven, e.g. ./test.sh -pl meetings-service -Dtest=MeetingTest
set -euo pipefail
cd "$(dirname "$0")"
source deploy/local-stack/scripts/jdk.sh
exec ./mvnw -B -ntp verify "$@"

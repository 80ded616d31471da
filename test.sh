#!/usr/bin/env bash
# Runs every test of every module (unit, integration with a real Kafka broker and the store, browser tests).
# Extra arguments go to Maven, e.g. ./test.sh -pl meetings-service -Dtest=MeetingTest
set -euo pipefail
cd "$(dirname "$0")"
source deploy/local-stack/scripts/jdk.sh
# the dashboard's browser test drives Debian's headless Chromium; without it that test skips and says why
if { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; } && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium and its driver for the browser test (apt-get)..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } >/dev/null 2>&1 \
    || echo "Could not install Chromium: the browser test will be skipped"
fi
exec ./mvnw -B -ntp verify "$@"

# Sourced by run.sh, test.sh and bench.sh: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME, then JDKs under /usr/lib/jvm (newest first), then Debian's openjdk-21 package.

java_major() { # prints the major version of the JDK at $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/javac" ] && [ -f "$release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] || continue
    candidate="${candidate%/}"
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_jdk); then
  echo "No JDK >= 21 found; trying to install one from Debian's packages..." >&2
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq openjdk-21-jdk-headless || apt-get install -y -qq openjdk-25-jdk-headless) >&2 || true
  fi
  JAVA_HOME=$(find_jdk) || { echo "A JDK 21 or newer is required: install one and set JAVA_HOME." >&2; exit 1; }
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

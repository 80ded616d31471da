#!/usr/bin/env bash
# Starts the product on this machine, in the foreground: Keycloak, a Kafka broker, the embedded store and the services.
#
#   ./run.sh          build, start everything, stay in the foreground (Ctrl-C stops everything)
#   ./run.sh stop     stop a stack started from another terminal
#   ./run.sh status   show what is running
#   ./run.sh start meetings-service appeals-service   start only these services (with the broker and the store)
#
# Environment:
#   SKIP_BUILD=1                  start what was built last, without running Maven first
#   KAFKA_BOOTSTRAP_SERVERS=h:p   use this Kafka instead of starting a local broker
#   MONGODB_URI=mongodb://h:p/    use this MongoDB instead of the embedded store; each service gets its own
#                                 database on it (a database named in the URI is kept as the authSource)
#   OIDC_ISSUER_URI=https://sso/realms/outreach   use this OpenID Connect provider instead of starting Keycloak
#                                 (OIDC_JWK_SET_URI: its key set, read from the provider's discovery document when
#                                 unset; MEETINGS_CLIENT_SECRET: meetings-service's client secret there)
#
# State (Keycloak, broker data, store file, logs, pid files) lives in .local/ and is reused by the next start.
# The embedded store is for local use only; production runs on MongoDB (see deploy/README.md).
set -euo pipefail
cd "$(dirname "$0")"

ROOT=$PWD
STATE=$ROOT/.local
LOGS=$STATE/logs
PIDS=$STATE/pids
LOCAL_STACK=$ROOT/deploy/local-stack

KAFKA_PORT=9092
CONTROLLER_PORT=9093
STORE_PORT=27017
# write: a write is answered once it is in the store's file (survives kill -9); interval: H2 writes once a second
STORE_DURABILITY=${STORE_DURABILITY:-write}

# Keycloak from Maven Central (org.keycloak:keycloak-quarkus-dist), unpacked once into .local/keycloak; its realm
# comes from deploy/keycloak/outreach-realm.json, the same file that Compose and Kubernetes import.
KEYCLOAK_VERSION=26.5.6
KEYCLOAK_PORT=8180
KEYCLOAK_MANAGEMENT_PORT=9180
KEYCLOAK_HOME=$STATE/keycloak
REALM_FILE=$ROOT/deploy/keycloak/outreach-realm.json
LOCAL_ISSUER=http://127.0.0.1:$KEYCLOAK_PORT/realms/outreach
LOCAL_MEETINGS_CLIENT_SECRET=meetings-service-secret # the realm file's local secret; production sets its own

# One line per service: name, HTTP port, management port (health, prometheus), database ("-": none; staff-web,
# the staff's pages, keeps nothing and calls the other services). A service whose jar has not been built is skipped.
SERVICES=(
  "meetings-service  8081 9081 meetings"
  "appeals-service   8082 9082 appeals"
  "reporting-service 8083 9083 reporting"
  "staff-web         8084 9084 -"
)

KEYCLOAK_WAIT_SECONDS=300 # its first start builds it (about 2 minutes on a busy machine); later ones take less
KAFKA_WAIT_SECONDS=60
STORE_WAIT_SECONDS=30
SERVICE_WAIT_SECONDS=120
STOP_WAIT_SECONDS=30

say() { printf '%s\n' "$*"; }
fail() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# Processes: each one has .local/pids/<name>.pid and .local/logs/<name>.log (a link to this start's log)

pid_file() { printf '%s/%s.pid' "$PIDS" "$1"; }

# Prints the pid of a running component; fails when it is not running (a stale pid file is removed). The command
# line check keeps a recycled pid of an unrelated program from passing for ours.
running_pid() {
  local file pid marker args=""
  file=$(pid_file "$1")
  [ -f "$file" ] || return 1
  pid=$(<"$file")
  if [ "$1" = run ]; then marker=run.sh; else marker=$ROOT; fi
  [ -n "$pid" ] && args=$(ps -o args= -p "$pid" 2>/dev/null) || true
  if [ -n "$args" ] && [[ $args == *"$marker"* ]]; then
    printf '%s' "$pid"
  else
    rm -f "$file"
    return 1
  fi
}

# new_log NAME: a new log file for this start (.local/logs/NAME-YYYYmmdd-HHMMSS.log); NAME.log links to the latest,
# so the logs of earlier starts are kept. Prints the link's path.
new_log() {
  local name=$1 file
  file="$name-$(date +%Y%m%d-%H%M%S).log"
  : >"$LOGS/$file"
  ln -sfn "$file" "$LOGS/$name.log"
  printf '%s' "$LOGS/$name.log"
}

# start_process NAME COMMAND...: runs COMMAND in the background with its output in a new log of NAME's.
start_process() {
  local name=$1 log
  shift
  log=$(new_log "$name")
  "$@" >"$log" 2>&1 &
  echo $! >"$(pid_file "$name")"
}

# SIGTERM, a bounded wait, then SIGKILL.
stop_process() {
  local name=$1 pid waited=0
  pid=$(running_pid "$name") || return 0
  printf 'Stopping %s (pid %s)' "$name" "$pid"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((STOP_WAIT_SECONDS * 4)) ]; do
    sleep 0.25
    waited=$((waited + 1))
    [ $((waited % 4)) -eq 0 ] && printf '.'
  done
  if kill -0 "$pid" 2>/dev/null; then
    # Keycloak's kc.sh runs its JVM as a child: kill that child too, by its parent's pid
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
    printf ' killed after %ss\n' "$STOP_WAIT_SECONDS"
  else
    printf ' stopped\n'
  fi
  rm -f "$(pid_file "$name")"
}

service_names() {
  local line name
  for line in "${SERVICES[@]}"; do
    read -r name _ <<<"$line"
    printf '%s\n' "$name"
  done
}

# Services first (they flush their producers and finish requests), then Keycloak, the store and the broker.
stop_all() {
  local name
  for name in $(service_names | tac); do stop_process "$name"; done
  stop_process keycloak
  stop_process store
  stop_process kafka
}

log_tail() {
  say "---- last lines of $LOGS/$1.log ----" >&2
  tail -n "${2:-40}" "$LOGS/$1.log" >&2 || true
  say "----" >&2
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for NAME SECONDS CHECK...: dots until CHECK succeeds; fails with the log tail on timeout or when NAME dies.
# The time counts from WAIT_SINCE (a $SECONDS value) when it is set, e.g. for a component started earlier.
wait_for() {
  local name=$1 seconds=$2 started=${WAIT_SINCE:-$SECONDS}
  shift 2
  until "$@"; do
    if ! running_pid "$name" >/dev/null; then
      say " exited"
      log_tail "$name"
      fail "$name stopped while starting; its log is $LOGS/$name.log"
    fi
    if [ $((SECONDS - started)) -ge "$seconds" ]; then
      say " not ready after ${seconds}s"
      log_tail "$name"
      fail "$name did not start in ${seconds}s; its log is $LOGS/$name.log"
    fi
    printf '.'
    sleep 1
  done
  say " ready in $((SECONDS - started))s"
}

# ---------------------------------------------------------------------------------------------------------------
# Build

build() {
  if [ "${SKIP_BUILD:-}" = 1 ]; then
    say "Skipping the build (SKIP_BUILD=1)"
    return
  fi
  say "Building... (log: $LOGS/build.log)"
  if ! ./mvnw -B -ntp -q -DskipTests install >"$(new_log build)" 2>&1; then
    log_tail build 60
    fail "the build failed; see $LOGS/build.log"
  fi
}

local_stack_classpath() {
  local jar=$LOCAL_STACK/target/local-stack.jar deps=$LOCAL_STACK/target/classpath.txt
  if [ ! -f "$jar" ] || [ ! -f "$deps" ]; then
    fail "deploy/local-stack is not built; run ./run.sh without SKIP_BUILD=1"
  fi
  printf '%s:%s' "$jar" "$(<"$deps")"
}

# ---------------------------------------------------------------------------------------------------------------
# Kafka broker: KRaft, broker and controller in one process, one node

write_kafka_config() {
  cat >"$STATE/config/kafka.properties" <<EOF
# Written by run.sh at every start: change run.sh, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$STATE/kafka
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# kept forever: reporting-service rebuilds its read models from the beginning of the topics
log.retention.ms=-1
group.initial.rebalance.delay.ms=0
EOF
}

format_kafka_storage() {
  local classpath=$1 cluster_id
  [ -f "$STATE/kafka/meta.properties" ] && return
  # Kafka's own generator: it never starts an id with '-', which the tool would take for an option
  cluster_id=$(java -cp "$classpath" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  say "Formatting the broker's storage in $STATE/kafka (cluster id $cluster_id)"
  if ! java -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$STATE/config/kafka.properties" \
      >"$(new_log kafka-format)" 2>&1; then
    log_tail kafka-format
    fail "formatting the broker's storage failed"
  fi
}

kafka_ready() {
  port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$LOGS/kafka.log"
}

start_kafka() {
  local classpath=$1
  write_kafka_config
  format_kafka_storage "$classpath"
  printf 'Starting Kafka on 127.0.0.1:%s' "$KAFKA_PORT"
  start_process kafka java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -cp "$classpath" kafka.Kafka "$STATE/config/kafka.properties"
  wait_for kafka "$KAFKA_WAIT_SECONDS" kafka_ready
}

# ---------------------------------------------------------------------------------------------------------------
# Embedded store

start_store() {
  local classpath=$1
  printf 'Starting the embedded store on 127.0.0.1:%s' "$STORE_PORT"
  # the store's secondary indexes live in its memory (about 100-150 bytes a document and index): 1 GB holds
  # a million appeals with theirs; STORE_HEAP sets it
  start_process store java "-Xmx${STORE_HEAP:-1g}" -cp "$classpath" ru.outreach.localstack.EmbeddedStore \
    --host 127.0.0.1 --port "$STORE_PORT" --file "$STATE/store/store.mv" \
    --durability "$STORE_DURABILITY"
  wait_for store "$STORE_WAIT_SECONDS" port_open "$STORE_PORT"
}

# ---------------------------------------------------------------------------------------------------------------
# Keycloak: the OpenID Connect provider that signs the staff's tokens; production uses any provider (OIDC_ISSUER_URI)

# Build-time options: changing them makes run.sh run "kc.sh build" again before the next start.
KEYCLOAK_BUILD_OPTIONS=(--db=dev-file --health-enabled=true)

# Fetches the distribution with the Maven wrapper (cached in ~/.m2) and unpacks it into .local/keycloak, once per
# version. An earlier version's data/ is kept: Keycloak migrates its database when it starts.
install_keycloak() {
  local zip tmp=$STATE/keycloak-unpack
  if [ -f "$KEYCLOAK_HOME/version.txt" ] && grep -q "Version $KEYCLOAK_VERSION\$" "$KEYCLOAK_HOME/version.txt"; then
    return
  fi
  say "Fetching Keycloak $KEYCLOAK_VERSION from Maven Central, once (about 165 MB; log: $LOGS/keycloak-fetch.log)"
  mkdir -p "$STATE/downloads"
  if ! ./mvnw -B -ntp -q dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      "-DoutputDirectory=$STATE/downloads" >"$(new_log keycloak-fetch)" 2>&1; then
    log_tail keycloak-fetch
    fail "fetching Keycloak failed; see $LOGS/keycloak-fetch.log"
  fi
  zip=$STATE/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$tmp"
  elif command -v python3 >/dev/null; then
    python3 -m zipfile -e "$zip" "$tmp"
  else
    (cd "$tmp" && jar xf "$zip")
  fi
  [ -f "$tmp/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ] || fail "unpacking $zip failed"
  chmod +x "$tmp/keycloak-$KEYCLOAK_VERSION/bin/"*.sh
  if [ -d "$KEYCLOAK_HOME" ]; then
    find "$KEYCLOAK_HOME" -mindepth 1 -maxdepth 1 ! -name data -exec rm -rf {} +
  fi
  mkdir -p "$KEYCLOAK_HOME"
  cp -a "$tmp/keycloak-$KEYCLOAK_VERSION/." "$KEYCLOAK_HOME/"
  rm -rf "$tmp" "$zip"
}

# "kc.sh build" once per version and build options, so that every start is "start --optimized" (measured: about
# 8 s against 12 s for start-dev, which checks its build at every start).
build_keycloak() {
  local marker=$KEYCLOAK_HOME/run-sh-build.txt wanted="$KEYCLOAK_VERSION ${KEYCLOAK_BUILD_OPTIONS[*]}"
  [ -f "$marker" ] && [ "$(<"$marker")" = "$wanted" ] && return
  printf 'Building Keycloak for this machine, once'
  local started=$SECONDS
  if ! "$KEYCLOAK_HOME/bin/kc.sh" build "${KEYCLOAK_BUILD_OPTIONS[@]}" >"$(new_log keycloak-build)" 2>&1; then
    say ""
    log_tail keycloak-build
    fail "building Keycloak failed; see $LOGS/keycloak-build.log"
  fi
  printf '%s' "$wanted" >"$marker"
  say " done in $((SECONDS - started))s"
}

# The realm file goes into data/import at the first start only; later starts find the realm in the database and
# leave it as it is (Keycloak's import skips an existing realm), so changes made in the admin console stay.
stage_realm() {
  local staged=$KEYCLOAK_HOME/data/import/outreach-realm.json
  mkdir -p "$KEYCLOAK_HOME/data/import"
  if [ ! -d "$KEYCLOAK_HOME/data/h2" ]; then
    cp "$REALM_FILE" "$staged"
  elif ! cmp -s "$REALM_FILE" "$staged"; then
    say "Note: deploy/keycloak/outreach-realm.json changed since Keycloak imported it; the realm in .local/keycloak is"
    say "      kept. To import the new file: ./run.sh stop; rm -rf .local/keycloak/data/h2; ./run.sh"
  fi
}

keycloak_ready() {
  http_get "$KEYCLOAK_PORT" /realms/outreach/.well-known/openid-configuration >/dev/null
}

# Starts Keycloak without waiting for it: the broker and the store start meanwhile (wait_keycloak waits).
launch_keycloak() {
  port_open "$KEYCLOAK_PORT" && fail "port $KEYCLOAK_PORT, for Keycloak, is taken by another program; stop it or set OIDC_ISSUER_URI"
  port_open "$KEYCLOAK_MANAGEMENT_PORT" && fail "port $KEYCLOAK_MANAGEMENT_PORT, for Keycloak's health, is taken by another program; stop it"
  install_keycloak
  build_keycloak
  stage_realm
  say "Starting Keycloak on 127.0.0.1:$KEYCLOAK_PORT in the background"
  KEYCLOAK_LAUNCHED=$SECONDS
  local java_options=""
  # JDK 24 and later: no warnings about sun.misc.Unsafe at start, no IllegalAccessError from Quarkus at stop
  if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
    java_options="--sun-misc-unsafe-memory-access=allow --add-opens=java.base/java.lang=ALL-UNNAMED"
  fi
  # The bootstrap admin (master realm, for the admin console) is created at the first start only. The local cache
  # keeps Keycloak from clustering (JGroups listening on all interfaces, discovery through its database).
  start_process keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_APPEND="$java_options" \
    "$KEYCLOAK_HOME/bin/kc.sh" start --optimized --import-realm --cache=local \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --hostname="http://127.0.0.1:$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MANAGEMENT_PORT"
}

wait_keycloak() {
  printf 'Waiting for Keycloak (realm outreach)'
  WAIT_SINCE=$KEYCLOAK_LAUNCHED wait_for keycloak "$KEYCLOAK_WAIT_SECONDS" keycloak_ready
}

# The key set's address from the provider's discovery document (needs curl); empty when it cannot be read, and then
# the services find it themselves.
discover_jwks() {
  local document
  document=$(curl -fsS --max-time 5 "${1%/}/.well-known/openid-configuration" 2>/dev/null) || return 0
  printf '%s' "$document" | sed -nE 's/.*"jwks_uri" *: *"([^"]+)".*/\1/p'
}

# ---------------------------------------------------------------------------------------------------------------
# Services

# mongo_uri BASE DATABASE: BASE with its database replaced by DATABASE (mongodb://h1,h2/?rs=x -> mongodb://h1,h2/db?rs=x)
mongo_uri() {
  local base=$1 db=$2 scheme rest hosts path query=""
  scheme=${base%%://*}
  rest=${base#*://}
  hosts=${rest%%/*}
  path=${rest#"$hosts"}
  path=${path#/}
  if [[ $path == *\?* ]]; then
    query=${path#*\?}
    path=${path%%\?*}
  fi
  if [ -n "$path" ] && [[ $query != *authSource=* ]]; then
    query=${query:+$query&}authSource=$path
  fi
  printf '%s://%s/%s%s' "$scheme" "$hosts" "$db" "${query:+?$query}"
}

# For printing: mongodb://user:secret@host -> mongodb://user:***@host
redact() { printf '%s' "$1" | sed -E 's#(://[^:/@]+):[^@/]*@#\1:***@#'; }

# http_get PORT PATH: prints the body from 127.0.0.1; succeeds only for HTTP 200 (Boot answers 503 when DOWN).
http_get() {
  local port=$1 path=$2 response
  if command -v curl >/dev/null; then
    curl -fsS --max-time 2 "http://127.0.0.1:$port$path" 2>/dev/null
  else
    port_open "$port" || return 1
    # shellcheck disable=SC2016 # $1 and $2 are expanded by the inner bash
    response=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"
      printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n" "$2" "$1" >&3
      cat <&3' _ "$port" "$path") || return 1
    [[ $response == "HTTP/1."[01]" 200"* ]] || return 1
    printf '%s' "${response#*$'\r\n\r\n'}"
  fi
}

# service_up MANAGEMENT_PORT: the actuator's health answers on the management port
service_up() {
  local body
  body=$(http_get "$1" /actuator/health) || return 1
  [[ $body == *'"status":"UP"'* ]]
}

start_service() {
  local name=$1 port=$2 management_port=$3 db=$4 jar oidc=()
  jar=$ROOT/$name/target/$name.jar
  if [ ! -f "$jar" ]; then
    say "Skipping $name: $name/target/$name.jar has not been built"
    return
  fi
  port_open "$port" && fail "port $port, for $name, is taken by another program; stop it"
  port_open "$management_port" && fail "port $management_port, for $name's health, is taken by another program; stop it"
  oidc=(OIDC_ISSUER_URI="$ISSUER")
  if [ -n "$JWKS" ]; then
    oidc+=(OIDC_JWK_SET_URI="$JWKS" SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI="$JWKS")
  fi
  # only meetings-service has a service account (it asks appeals-service for a territory's brief)
  [ "$name" != meetings-service ] || oidc+=(MEETINGS_CLIENT_SECRET="$MEETINGS_SECRET")
  # staff-web signs people in as the confidential client outreach-staff-web (the realm file's local secret unless set)
  [ "$name" != staff-web ] || oidc+=(STAFF_WEB_CLIENT_SECRET="${STAFF_WEB_CLIENT_SECRET:-staff-web-secret}")
  printf 'Starting %s on port %s (health on %s)' "$name" "$port" "$management_port"
  start_process "$name" env SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$port" \
    MANAGEMENT_PORT="$management_port" MANAGEMENT_SERVER_PORT="$management_port" MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA" MONGODB_URI="$(mongo_uri "$MONGO" "$db")" "${oidc[@]}" \
    java -Xmx512m -jar "$jar"
  wait_for "$name" "$SERVICE_WAIT_SECONDS" service_up "$management_port"
  STARTED_SERVICES+=("$name $port $management_port")
}

# ---------------------------------------------------------------------------------------------------------------
# kcat and jq, for the README's walkthrough; optional, so nothing here may stop the start

offer_tools() {
  local missing=()
  command -v kcat >/dev/null || missing+=(kcat)
  command -v jq >/dev/null || missing+=(jq)
  [ ${#missing[@]} -gt 0 ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing ${missing[*]}, to read the topics and the JSON answers (log: $LOGS/tools-install.log)"
    { apt-get install -y -qq "${missing[@]}" || { apt-get update -qq && apt-get install -y -qq "${missing[@]}"; }; } \
      >"$(new_log tools-install)" 2>&1 || say "${missing[*]} could not be installed; the stack starts anyway"
  else
    say "Tip: install ${missing[*]} to follow the README (e.g. sudo apt-get install -y ${missing[*]})"
  fi
}

# ---------------------------------------------------------------------------------------------------------------

summary() {
  local line name port management_port kafka_note=" (local broker, data in .local/kafka)" store_note=" (embedded store, data in .local/store)"
  [ -z "$EXTERNAL_KAFKA" ] || kafka_note=" (external)"
  [ -z "$EXTERNAL_MONGO" ] || store_note=" (external)"
  say ""
  say "The stack is running."
  if [ -z "$EXTERNAL_OIDC" ]; then
    say "  Keycloak: $ISSUER (local, data in .local/keycloak/data)"
    say "      users     secretary1 ... secretary10, secretary-west, clerk, executor-housing, executor-roads,"
    say "                controller, head, admin, pd-officer; password demo (README, \"Who signs in\")"
    say "      a token   TOKEN=\$(deploy/local-stack/scripts/token.sh secretary1)"
    say "      admin     http://127.0.0.1:$KEYCLOAK_PORT/admin/ (admin / admin), health http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT/health"
  else
    say "  OpenID Connect: $ISSUER (external)"
  fi
  say "  Kafka:  $KAFKA$kafka_note"
  say "  Store:  $(redact "$MONGO")$store_note"
  for line in "${STARTED_SERVICES[@]}"; do
    read -r name port management_port <<<"$line"
    say "  $name: http://127.0.0.1:$port"
    if [ "$name" = staff-web ]; then
      say "      Pages       http://127.0.0.1:$port/ (sign in as secretary-west or clerk, password demo)"
      say "      Health      http://127.0.0.1:$management_port/actuator/health"
      continue
    fi
    say "      Swagger UI  http://127.0.0.1:$port/swagger-ui.html"
    say "      Health      http://127.0.0.1:$management_port/actuator/health"
    say "      Prometheus  http://127.0.0.1:$management_port/actuator/prometheus"
  done
  [ ${#STARTED_SERVICES[@]} -gt 0 ] || say "  No service was started (none is built yet)."
  say "  Logs:   $LOGS"
  say "  Read a topic:  kcat -b $KAFKA -t meetings.v1 -C -J -e"
  say ""
  say "Ctrl-C or ./run.sh stop to stop."
}

on_exit() {
  local status=$?
  trap - INT TERM HUP EXIT
  say ""
  stop_all
  rm -f "$(pid_file run)"
  exit "$status"
}

# Stays in the foreground; a component that dies takes the whole stack down, so that nothing runs half broken.
watch_stack() {
  local name
  while true; do
    for name in "${WATCHED[@]}"; do
      if ! running_pid "$name" >/dev/null; then
        log_tail "$name"
        fail "$name stopped unexpectedly; stopping the rest"
      fi
    done
    sleep 2 &
    wait $! || true
  done
}

start() {
  local classpath line name port management_port db
  mkdir -p "$LOGS" "$PIDS" "$STATE/config" "$STATE/kafka" "$STATE/store"
  if running_pid run >/dev/null; then
    fail "a stack is already running (pid $(running_pid run)); use ./run.sh status or ./run.sh stop"
  fi
  for name in keycloak kafka store $(service_names); do
    if running_pid "$name" >/dev/null; then
      fail "$name is still running (pid $(running_pid "$name")) from an earlier start; run ./run.sh stop first"
    fi
  done
  echo $$ >"$(pid_file run)"
  trap on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM HUP

  source "$LOCAL_STACK/scripts/jdk.sh"
  build

  EXTERNAL_KAFKA=${KAFKA_BOOTSTRAP_SERVERS:-}
  EXTERNAL_MONGO=${MONGODB_URI:-}
  EXTERNAL_OIDC=${OIDC_ISSUER_URI:-}
  KAFKA=${EXTERNAL_KAFKA:-127.0.0.1:$KAFKA_PORT}
  MONGO=${EXTERNAL_MONGO:-mongodb://127.0.0.1:$STORE_PORT/}
  ISSUER=${EXTERNAL_OIDC:-$LOCAL_ISSUER}
  MEETINGS_SECRET=${MEETINGS_CLIENT_SECRET:-$LOCAL_MEETINGS_CLIENT_SECRET}
  WATCHED=()
  STARTED_SERVICES=()

  if [ -z "$EXTERNAL_OIDC" ]; then
    launch_keycloak
    WATCHED+=(keycloak)
    JWKS=$ISSUER/protocol/openid-connect/certs
  else
    say "Using the OpenID Connect provider $ISSUER (OIDC_ISSUER_URI)"
    JWKS=${OIDC_JWK_SET_URI:-$(discover_jwks "$ISSUER")}
    [ -n "${MEETINGS_CLIENT_SECRET:-}" ] || say "Note: MEETINGS_CLIENT_SECRET is not set; meetings-service uses the local realm's secret"
  fi

  if [ -z "$EXTERNAL_KAFKA" ] || [ -z "$EXTERNAL_MONGO" ]; then
    classpath=$(local_stack_classpath)
  fi
  if [ -z "$EXTERNAL_KAFKA" ]; then
    port_open "$KAFKA_PORT" && fail "port $KAFKA_PORT is taken by another program; stop it or set KAFKA_BOOTSTRAP_SERVERS"
    port_open "$CONTROLLER_PORT" && fail "port $CONTROLLER_PORT is taken by another program; stop it"
    start_kafka "$classpath"
    WATCHED+=(kafka)
  else
    say "Using Kafka at $KAFKA (KAFKA_BOOTSTRAP_SERVERS)"
  fi
  if [ -z "$EXTERNAL_MONGO" ]; then
    port_open "$STORE_PORT" && fail "port $STORE_PORT is taken by another program; stop it or set MONGODB_URI"
    start_store "$classpath"
    WATCHED+=(store)
  else
    say "Using MongoDB at $(redact "$MONGO") (MONGODB_URI)"
  fi
  [ -n "$EXTERNAL_OIDC" ] || wait_keycloak

  for line in "${SERVICES[@]}"; do
    read -r name port management_port db <<<"$line"
    start_service "$name" "$port" "$management_port" "$db"
  done
  for line in "${STARTED_SERVICES[@]}"; do WATCHED+=("${line%% *}"); done

  offer_tools
  summary
  watch_stack
}

stop() {
  local pid waited=0
  if pid=$(running_pid run); then
    printf 'Asking the running stack (pid %s) to stop' "$pid"
    kill -TERM "$pid"
    # It stops the services, the store and the broker in turn, each within STOP_WAIT_SECONDS.
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((STOP_WAIT_SECONDS * 4)) ]; do
      printf '.'
      sleep 1
      waited=$((waited + 1))
    done
    say ""
  fi
  # Whatever is left, e.g. after the foreground run.sh was killed with SIGKILL.
  stop_all
  rm -f "$(pid_file run)"
  say "Stopped."
}

# resident_mb NAME PID: the resident memory of PID in MB, with its children's for Keycloak (kc.sh runs the JVM as
# a child); nothing for run.sh itself, whose children are the whole stack
resident_mb() {
  [ "$1" != run ] || return 0
  { ps -o rss= -p "$2"; [ "$1" != keycloak ] || ps -o rss= --ppid "$2"; } 2>/dev/null \
    | awk '{ kb += $1 } END { printf "%d MB", kb / 1024 }'
}

status() {
  local line name port management_port pid any=0
  local components=("run -" "keycloak $LOCAL_ISSUER (health http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT/health)"
    "kafka 127.0.0.1:$KAFKA_PORT" "store mongodb://127.0.0.1:$STORE_PORT")
  for line in "${SERVICES[@]}"; do
    read -r name port management_port _ <<<"$line"
    components+=("$name http://127.0.0.1:$port (health http://127.0.0.1:$management_port/actuator/health)")
  done
  for line in "${components[@]}"; do
    read -r name port <<<"$line"
    if pid=$(running_pid "$name"); then
      any=1
      printf '%-18s running, pid %-8s %7s  %s\n' "$name" "$pid" "$(resident_mb "$name" "$pid")" "${port#-}"
    fi
  done
  [ "$any" = 1 ] || say "Nothing is running."
}

# start [NAME...]: keep only the named services
only_services() {
  local wanted=" $* " line kept=()
  for line in "${SERVICES[@]}"; do
    [[ $wanted == *" ${line%% *} "* ]] && kept+=("$line")
  done
  [ ${#kept[@]} -gt 0 ] || fail "no such service: $*; the services are: $(service_names | tr '\n' ' ')"
  SERVICES=("${kept[@]}")
}

case "${1:-start}" in
  start)
    shift || true
    [ $# -eq 0 ] || only_services "$@"
    start ;;
  stop) stop ;;
  status) status ;;
  *) fail "unknown command '$1'; use ./run.sh, ./run.sh stop or ./run.sh status" ;;
esac

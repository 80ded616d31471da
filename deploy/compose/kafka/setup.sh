#!/usr/bin/env bash
# Runs inside the Kafka container after it starts (docker-compose.yml, post_start), through the broker's loopback
# listener: SCRAM-SHA-512 users (one per service, and "operator" for tools on the host), the topics, and ACLs that
# give each service only its own topics. Idempotent: every start runs it again. Kubernetes does the same with
# Strimzi's KafkaTopic and KafkaUser resources (deploy/k8s/operators/kafka.yaml).
set -euo pipefail

BIN=/opt/kafka/bin
BOOTSTRAP=127.0.0.1:9094
DAY_MS=86400000

until "$BIN/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP" >/dev/null 2>&1; do sleep 2; done

user() { # user NAME PASSWORD
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" >/dev/null
}
topic() { # topic NAME RETENTION_MS
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$1" --partitions 6 \
    --replication-factor 1 --config "retention.ms=$2" >/dev/null
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics --entity-name "$1" \
    --add-config "retention.ms=$2" >/dev/null
}
allow() { # allow USER OPERATION... -- RESOURCE OPTIONS (kafka-acls.sh adds an ACL only once)
  local principal=$1 ops=()
  shift
  while [ "$1" != -- ]; do ops+=(--operation "$1"); shift; done
  shift
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --add --allow-principal "User:$principal" "${ops[@]}" "$@" >/dev/null
}

user meetings-service "$KAFKA_MEETINGS_PASSWORD"
user appeals-service "$KAFKA_APPEALS_PASSWORD"
user reporting-service "$KAFKA_REPORTING_PASSWORD"
user operator "$KAFKA_OPERATOR_PASSWORD"

# The contract topics are kept forever (reporting-service rebuilds from the beginning). Dead letters are bounded:
# meetings.intake.v1.DLT holds citizens' personal data, so it keeps 30 days, the others 90.
for t in meetings.v1 appeals.v1 instructions.v1; do topic "$t" -1; done
# the intake carries personal data too and is read once by appeals-service: 30 days, as the services create it
topic meetings.intake.v1 $((30 * DAY_MS))
topic meetings.intake.v1.DLT $((30 * DAY_MS))
for t in meetings.v1.DLT appeals.v1.DLT instructions.v1.DLT; do topic "$t" $((90 * DAY_MS)); done

# meetings-service publishes meetings.v1 and meetings.intake.v1, reads nothing
allow meetings-service Write Describe -- --topic meetings.v1
allow meetings-service Write Describe -- --topic meetings.intake.v1

# appeals-service alone reads meetings.intake.v1 (personal data) and its dead letters; publishes appeals and instructions
allow appeals-service Read Describe -- --topic meetings.intake.v1
allow appeals-service Read Write Describe -- --topic meetings.intake.v1.DLT
allow appeals-service Write Describe -- --topic appeals.v1
allow appeals-service Write Describe -- --topic instructions.v1
allow appeals-service Read -- --group appeals-service --resource-pattern-type prefixed

# reporting-service reads the three fact topics (no personal data) and writes their dead letters; its rebuild uses
# consumer groups named after it
for t in meetings.v1 appeals.v1 instructions.v1; do
  allow reporting-service Read Describe -- --topic "$t"
  allow reporting-service Read Write Describe -- --topic "$t.DLT"
done
allow reporting-service Read -- --group reporting-service --resource-pattern-type prefixed

# operator: tools on the host (kcat) may read the fact topics, never the intake topic or its dead letters
for t in meetings.v1 appeals.v1 instructions.v1; do allow operator Read Describe -- --topic "$t"; done
allow operator Read -- --group operator --resource-pattern-type prefixed

touch /tmp/outreach-kafka-ready
echo "outreach: Kafka users, topics and ACLs are in place"

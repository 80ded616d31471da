#!/usr/bin/env bash
# Prints an access token for one of the local realm's users (README, "Who signs in"), for curl:
#
#   TOKEN=$(deploy/local-stack/scripts/token.sh secretary1)
#   curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8081/api/groups
#   deploy/local-stack/scripts/token.sh --claims head      # the token's payload, decoded, instead
#
# It uses the password grant of the public client outreach-cli, which exists for local use and tests only.
# Environment: OIDC_ISSUER_URI (default: the local Keycloak's realm), PASSWORD (default: demo), CLIENT_ID.
set -euo pipefail

claims=0
if [ "${1:-}" = --claims ]; then claims=1; shift; fi
[ $# -eq 1 ] || { echo "usage: $0 [--claims] USERNAME   (e.g. secretary1, clerk, executor-housing, head)" >&2; exit 2; }

issuer=${OIDC_ISSUER_URI:-http://127.0.0.1:8180/realms/outreach}
response=$(curl -sS --max-time 10 "${issuer%/}/protocol/openid-connect/token" \
  -d grant_type=password -d "client_id=${CLIENT_ID:-outreach-cli}" \
  --data-urlencode "username=$1" --data-urlencode "password=${PASSWORD:-demo}") \
  || { echo "token.sh: no answer from $issuer; is the stack running (./run.sh)?" >&2; exit 1; }
token=$(printf '%s' "$response" | sed -nE 's/.*"access_token" *: *"([^"]+)".*/\1/p')
if [ -z "$token" ]; then
  echo "token.sh: no token for $1: $response" >&2
  exit 1
fi
if [ "$claims" = 0 ]; then
  printf '%s\n' "$token"
  exit 0
fi
# the payload is base64url without padding
payload=$(printf '%s' "$token" | cut -d. -f2 | tr '_-' '/+')
while [ $(( ${#payload} % 4 )) -ne 0 ]; do payload="$payload="; done
if command -v jq >/dev/null; then
  printf '%s' "$payload" | base64 -d | jq .
else
  printf '%s' "$payload" | base64 -d
  echo
fi

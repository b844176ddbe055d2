#!/usr/bin/env bash
# Runs AgentOpsGrains locally: the README's first command.
#   ./run.sh               the silo on http://127.0.0.1:5000 (Local profile: memory storage and streams)
#   ./run.sh --port 6000   another HTTP port
# Stops everything cleanly on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"

port=5000
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --in-memory) shift ;; # the Local profile is the only one so far; kept so the documented flag works
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see ./run.sh --help)" >&2; exit 2 ;;
  esac
done

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped."
}
trap cleanup INT TERM EXIT

echo "==> building (first run restores packages, about 30 s)"
dotnet build src/Silo -c Release -nologo -v quiet

echo "==> starting the silo"
export AgentOps__Profile=Local
dotnet run --project src/Silo -c Release --no-build -- --urls "http://127.0.0.1:${port}" &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:${port}/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done

key=$(cat src/Silo/.agentops/dev-key 2>/dev/null || true)
cat <<INFO

  AgentOpsGrains is running (Local profile: state lives in memory).
  API         http://127.0.0.1:${port}/v1   (OpenAPI: http://127.0.0.1:${port}/openapi/v1.json)
  Health      http://127.0.0.1:${port}/health/ready
  Dev key     ${key:-<see the silo output above>}   (project 'default', role admin; kept in src/Silo/.agentops/dev-key)

  Try:  curl -H "Authorization: Bearer ${key:-KEY}" http://127.0.0.1:${port}/v1/agents
  Ctrl-C stops everything.
INFO
wait

#!/usr/bin/env bash
# Runs AgentOpsGrains locally: the README's first command.
#   ./run.sh               silo on http://127.0.0.1:5000 in the AzureStorage profile, on Azurite (installed from
#                          tools/azurite/package-lock.json, data kept in .azurite/), plus the dashboard when built
#   ./run.sh --in-memory   the Local profile instead: no Azurite, state lives in memory
#   ./run.sh --demo        also play the demo stories (tools/Simulator) so the dashboard comes alive
#   ./run.sh --port 6000   another HTTP port for the silo (the dashboard takes the next one)
# Prints the URLs, the development key and the dashboard's development sign-in; Ctrl-C stops everything cleanly.
set -euo pipefail
cd "$(dirname "$0")"

profile=AzureStorage
demo=0
port=5000
while [ $# -gt 0 ]; do
  case "$1" in
    --in-memory) profile=Local; shift ;;
    --demo) demo=1; shift ;;
    --port) port="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see ./run.sh --help)" >&2; exit 2 ;;
  esac
done
dashboard_port=$((port + 1))

# shellcheck source=tools/test-services.sh
source tools/test-services.sh
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "==> stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_azurite
  echo "stopped."
}
trap cleanup INT TERM EXIT

wait_for() { # url seconds
  for _ in $(seq 1 $(($2 * 2))); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "not answering: $1" >&2; return 1
}

# One development key for both profiles, generated once and kept out of git.
key_file=src/Silo/.agentops/dev-key
if [ ! -s "$key_file" ]; then
  mkdir -p "$(dirname "$key_file")"
  echo "aog_dev_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$key_file"
fi
key=$(tr -d '\n' < "$key_file")

echo "==> building (the first run restores packages: about a minute)"
projects=(src/Silo)
[ -f src/Dashboard/Dashboard.csproj ] && projects+=(src/Dashboard)
[ "$demo" = 1 ] && [ -f tools/Simulator/Simulator.csproj ] && projects+=(tools/Simulator)
for project in "${projects[@]}"; do dotnet build "$project" -c Release -nologo -v quiet; done

export AgentOps__Profile=$profile
export AgentOps__Keys__0__Project=default AgentOps__Keys__0__Role=admin AgentOps__Keys__0__Key="$key"
if [ "$profile" = AzureStorage ]; then
  export AgentOps__Storage__ConnectionString="UseDevelopmentStorage=true"
  start_azurite --location "$PWD/.azurite"
fi

echo "==> starting the silo ($profile profile)"
(cd src/Silo && exec dotnet bin/Release/net10.0/AgentOps.Silo.dll --urls "http://127.0.0.1:${port}") &
pids+=($!)
wait_for "http://127.0.0.1:${port}/health/ready" 120

dashboard_line="  Dashboard   (not built yet)"
if [ -f src/Dashboard/bin/Release/net10.0/AgentOps.Dashboard.dll ]; then
  echo "==> starting the dashboard"
  # Development by default: with no user configured (AgentOps__Dashboard__Users__*), the dashboard signs in a 'dev'
  # user whose password it generates once into the git-ignored src/Dashboard/.agentops/dev-password.
  (cd src/Dashboard && ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
    exec dotnet bin/Release/net10.0/AgentOps.Dashboard.dll --urls "http://127.0.0.1:${dashboard_port}") &
  pids+=($!)
  if wait_for "http://127.0.0.1:${dashboard_port}/health/live" 120; then
    dashboard_line="  Dashboard   http://127.0.0.1:${dashboard_port}/"
    password_file=src/Dashboard/.agentops/dev-password
    if [ -z "${AgentOps__Dashboard__Users__0__Name:-}" ] && [ -s "$password_file" ]; then
      dashboard_line+=$'\n'"  Sign in     user 'dev', password $(tr -d '\n' < "$password_file")   (kept in ${password_file})"
    fi
  fi
fi

if [ "$demo" = 1 ]; then
  if [ -f tools/Simulator/bin/Release/net10.0/AgentOps.Simulator.dll ]; then
    echo "==> starting the demo simulator"
    dotnet tools/Simulator/bin/Release/net10.0/AgentOps.Simulator.dll --url "http://127.0.0.1:${port}" --key "$key" &
    pids+=($!)
  else
    echo "(the demo simulator is not built; skipping --demo)"
  fi
fi

storage_line="  Storage     Azurite on 127.0.0.1:10000-10002, data in .azurite/"
[ "$profile" = Local ] && storage_line="  Storage     memory (Local profile): nothing survives a restart"
cat <<INFO

  AgentOpsGrains is running.
  API         http://127.0.0.1:${port}/v1   (OpenAPI: http://127.0.0.1:${port}/openapi/v1.json)
${dashboard_line}
${storage_line}
  Dev key     ${key}   (project 'default', role admin; kept in ${key_file})

  Try:  curl -H "Authorization: Bearer ${key}" http://127.0.0.1:${port}/v1/agents
  Ctrl-C stops everything.
INFO
wait

#!/usr/bin/env bash
# The whole-pipeline benchmarks of docs/benchmarks.md, one after the other on this machine:
#   tools/benchmarks.sh                       everything (about 15 minutes), results in BenchmarkResults/pipeline-<time>.txt
#   tools/benchmarks.sh rules azure ...       only some parts: baseline, local, rules, redaction, azure, gc, floor
# (gc and floor are not in "everything": gc is a 15 s GC trace of the silo during the guard run, read by
# tools/GcReport; floor measures the guard, a no-op endpoint of the silo and a no-op process from a second, light
# load generator while the first sends 10,000 events/s.)
# Each silo is started fresh for its runs, in Release, with rate limits lifted (one key sends everything) and
# 127.0.0.1 allowed as a webhook target (the alert probe's receiver). Micro-benchmarks: tools/Benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=/dev/null
source tools/test-services.sh

parts="${*:-baseline local rules redaction azure}"
wants() { [[ " $parts " == *" $1 "* ]]; }
mkdir -p BenchmarkResults
out="BenchmarkResults/pipeline-$(date -u +%Y%m%dT%H%M%SZ).txt"
lg=(dotnet tools/LoadGenerator/bin/Release/net10.0/AgentOps.LoadGenerator.dll)
# The development key of run.sh (the load generator's default key), made here if run.sh never ran.
key_file=src/Silo/.agentops/dev-key
if [ ! -s "$key_file" ]; then
  mkdir -p "$(dirname "$key_file")"
  echo "aog_dev_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$key_file"
fi
key=$(tr -d '\n' < "$key_file")
port=5400
silo_pid=""

log() { echo "$*" | tee -a "$out"; }

stop_silo() {
  if [ -n "$silo_pid" ]; then
    kill "$silo_pid" 2>/dev/null || true
    wait "$silo_pid" 2>/dev/null || true
    silo_pid=""
  fi
}

azurite_dirs=()
background_pids=()
cleanup() { kill "${background_pids[@]}" 2>/dev/null || true; stop_silo; stop_azurite; rm -rf "${azurite_dirs[@]}"; }
trap cleanup EXIT

wait_ready() {
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:${port}/health/ready" >/dev/null && return 0
    sleep 0.1
  done
  echo "the silo did not become ready" >&2
  return 1
}

# start_silo PROFILE [NAME=VALUE...]: a silo of cluster $cluster (new_cluster makes a fresh one), answering to the development key.
cluster=""
new_cluster() { cluster="bench-$(date +%s)-$RANDOM"; }
start_silo() {
  local profile=$1; shift
  stop_silo
  (cd src/Silo && exec env AgentOps__Profile="$profile" \
    AgentOps__Keys__0__Project=default AgentOps__Keys__0__Role=admin AgentOps__Keys__0__Key="$key" \
    AgentOps__Storage__ConnectionString="UseDevelopmentStorage=true" \
    AgentOps__RateLimits__RequestsPerSecond=1000000 AgentOps__RateLimits__Burst=1000000 \
    AgentOps__Notifications__AllowedTargets__0=127.0.0.1 \
    Orleans__ClusterId="$cluster" Orleans__ServiceId="$cluster" Orleans__AdvertisedIPAddress=127.0.0.1 \
    Logging__LogLevel__Default=Warning "$@" \
    dotnet bin/Release/net10.0/AgentOps.Silo.dll --urls "http://127.0.0.1:${port}" >>"/tmp/agentops-bench-silo.log" 2>&1) &
  silo_pid=$!
  wait_ready
}

# run TITLE ARGS...: one load-generator run against the current silo, its report appended to the results.
run() {
  local title=$1; shift
  log ""
  log "### ${title}"
  log "\$ dotnet run --project tools/LoadGenerator -c Release -- $*"
  "${lg[@]}" --url "http://127.0.0.1:${port}" "$@" 2>&1 | tee -a "$out"
}

echo "==> building (Release)"
dotnet build AgentOpsGrains.sln -c Release -nologo -v quiet
log "# Pipeline benchmarks, $(date -u +%FT%TZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

if wants baseline; then
  log ""
  log "### In-process baseline (same payloads, parse + validate + aggregate, no HTTP, no Orleans)"
  "${lg[@]}" --mode baseline 2>&1 | tee -a "$out"
  "${lg[@]}" --mode baseline --content --redaction on 2>&1 | tee -a "$out"
  "${lg[@]}" --mode baseline --content --redaction off 2>&1 | tee -a "$out"
  "${lg[@]}" --mode memory 2>&1 | tee -a "$out"
fi

if wants local; then
  new_cluster; start_silo Local
  run "Local: maximum events/s, exactly-once check" --rate 0 --duration 30 --verify
  run "Local: 50,000 events/s sustained, event-to-state latency" --rate 50000 --duration 60 --probes state
  run "Local: event-to-alert at 10,000 events/s (for: 0s rule, webhook receiver)" --rate 10000 --duration 30 --probes alert
  run "Local: guard latency at 2,000 checks/s while ingesting 10,000 events/s" --rate 10000 --duration 30 --probes guard --guard-rate 2000
  run "Local: OTLP spans/s (GenAI spans, 500 per request)" --mode otlp --rate 0 --duration 30
fi

if wants rules; then
  new_cluster; start_silo Local
  run "Local: 10,000 agents, the four default rules" --rate 0 --duration 30 --agents 10000
  new_cluster; start_silo Local
  run "Local: 10,000 agents, no rules" --rate 0 --duration 30 --agents 10000 --rules none
fi

if wants redaction; then
  new_cluster; start_silo Local
  run "Local: steps with content, redaction on" --rate 0 --duration 30 --content
  new_cluster; start_silo Local AgentOps__Redaction__Enabled=false
  run "Local: steps with content, redaction off" --rate 0 --duration 30 --content
fi

if wants gc; then
  # Why the guard's tail is what it is: every collection's pause and what it promoted, during the guard run, at the
  # issue's ingest rate and at a quarter of it.
  dotnet tool restore >/dev/null
  for rate in 10000 2500; do
    new_cluster; start_silo Local
    trace=BenchmarkResults/gc-${rate}-$(date -u +%Y%m%dT%H%M%SZ).nettrace
    # start_silo's subshell execs env, which execs dotnet: $silo_pid is the silo process itself.
    (sleep 30; dotnet tool run dotnet-trace collect -p "$silo_pid" \
      --providers Microsoft-Windows-DotNETRuntime:0x1:5 --duration 00:00:00:15 -o "$trace" >/dev/null) &
    run "Local: guard latency at 2,000 checks/s while ingesting ${rate} events/s, GC traced from 30 s to 45 s" --rate "$rate" --duration 60 --probes guard --guard-rate 2000
    wait $!
    log "\$ dotnet run --project tools/GcReport -c Release -- pauses $trace"
    dotnet tools/GcReport/bin/Release/net10.0/AgentOps.GcReport.dll pauses "$trace" | tail -4 | tee -a "$out"
  done
fi

if wants floor; then
  # The floor under the guard's tail: the same calls to the guard, to the silo's no-op /health/live and to a process
  # that does nothing (the load generator's serve mode), each from a second load generator that sends no load of its
  # own, so that its allocations stay out of what it measures; last, the do-nothing process next to a silo that
  # collects on one GC heap (one collector thread instead of one per core).
  "${lg[@]}" --mode serve --url http://127.0.0.1:5500 >/dev/null &
  serve_pid=$!
  background_pids+=("$serve_pid")
  for _ in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:5500/ && break; sleep 0.1; done
  # floor_run TITLE PROBE-ARGS...: the probe at 2,000 calls/s while the first load generator sends 10,000 events/s.
  floor_run() {
    local title=$1; shift
    log ""
    log "\$ dotnet run --project tools/LoadGenerator -c Release -- --rate 10000 --duration 70 --probes none  (in the background)"
    "${lg[@]}" --url "http://127.0.0.1:${port}" --rate 10000 --duration 70 --probes none >/tmp/agentops-bench-floor-load.txt 2>&1 &
    local load_pid=$!
    background_pids+=("$load_pid")
    sleep 10
    run "Local: ${title} at 2,000 calls/s from a second load generator while the first sends 10,000 events/s" \
      --rate 1 --duration 45 --probes "$@" --guard-rate 2000
    wait "$load_pid" || log "(the ingest load generator failed)"
    grep -E "accepted|responses" /tmp/agentops-bench-floor-load.txt | sed 's/^/ingest load: /' | tee -a "$out"
  }
  new_cluster; start_silo Local
  floor_run "guard" guard
  floor_run "the silo's /health/live" ping --ping-url /health/live
  floor_run "a do-nothing process" ping --ping-url http://127.0.0.1:5500/
  new_cluster; start_silo Local DOTNET_GCHeapCount=1
  floor_run "a do-nothing process, the silo on one GC heap (DOTNET_GCHeapCount=1)" ping --ping-url http://127.0.0.1:5500/
  kill "$serve_pid" 2>/dev/null || true
fi

if wants azure; then
  # Each run on a fresh Azurite: with a data folder Azurite saves its whole table database as one JSON string, which
  # V8 cannot build beyond a few hundred MB (it aborts after ~700,000 events of this workload), and in memory it
  # slows down as it fills. Azure Storage has neither limit. The restart below keeps the second run's Azurite.
  fresh_azurite() {
    stop_silo; stop_azurite
    azurite_dirs+=("$(mktemp -d /tmp/agentops-bench-azurite-XXXX)")
    start_azurite --location "${azurite_dirs[-1]}"
    new_cluster; start_silo AzureStorage
  }
  fresh_azurite
  run "AzureStorage on Azurite: maximum events/s, exactly-once check, storage transactions" --rate 0 --duration 60 --verify
  fresh_azurite
  run "AzureStorage on Azurite: 10,000 events/s sustained" --rate 10000 --duration 60 --probes state --verify

  log ""
  log "### AzureStorage on Azurite: restart after kill -9 until serving"
  kill -9 "$silo_pid"; wait "$silo_pid" 2>/dev/null || true; silo_pid=""
  started=$(date +%s%N)
  start_silo AzureStorage
  ready=$(date +%s%N)
  curl -sf -H "Authorization: Bearer ${key}" "http://127.0.0.1:${port}/v1/agents?limit=1" >/dev/null
  served=$(date +%s%N)
  log "restart to ready    : $(( (ready - started) / 1000000 )) ms (process start to /health/ready)"
  log "restart to serving  : $(( (served - started) / 1000000 )) ms (first answered query)"
fi

log ""
log "results: $out"

#!/usr/bin/env bash
# Services the tests and run.sh need, sourced by test.sh and run.sh: Azurite (Microsoft's Azure Storage emulator),
# installed from tools/azurite/package-lock.json and started on 127.0.0.1. Leaves an Azurite already listening alone.
# shellcheck shell=bash

AGENTOPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_DIR="$AGENTOPS_ROOT/tools/azurite"
AZURITE_PID=""

azurite_listening() { (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; }

install_azurite() {
  if [ ! -x "$AZURITE_DIR/node_modules/.bin/azurite" ]; then
    echo "==> installing Azurite (npm ci in tools/azurite)"
    (cd "$AZURITE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# start_azurite [--location DIR]: in memory unless a data folder is given.
start_azurite() {
  if azurite_listening; then
    echo "==> Azurite already listening on 127.0.0.1:10000-10002"
    return 0
  fi
  install_azurite
  local persistence=(--inMemoryPersistence)
  if [ "${1:-}" = "--location" ]; then persistence=(--location "$2"); mkdir -p "$2"; fi
  echo "==> starting Azurite"
  # Azurite keeps its tables in the Node heap: room for the benchmarks' millions of events (the default is ~4 GB).
  # Its own session: a Ctrl-C in the terminal must not stop Azurite before the silo has written its state to it
  # (the caller stops it last, with stop_azurite).
  NODE_OPTIONS="--max-old-space-size=${AZURITE_HEAP_MB:-12288}" \
  setsid "$AZURITE_DIR/node_modules/.bin/azurite" --silent --disableTelemetry --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 "${persistence[@]}" \
    >"${AZURITE_LOG:-/tmp/agentops-azurite.log}" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    azurite_listening && return 0
    sleep 0.1
  done
  echo "Azurite did not start; see ${AZURITE_LOG:-/tmp/agentops-azurite.log}" >&2
  return 1
}

stop_azurite() {
  if [ -n "$AZURITE_PID" ]; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
    AZURITE_PID=""
  fi
}

# The dashboard's end-to-end tests drive Debian's Chromium through Playwright (no browser download needed).
install_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing Chromium (apt-get install chromium fonts-liberation)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium fonts-liberation' (the dashboard tests need it)." >&2
    return 1
  fi
}

# The storage tests start private Azurite instances (they stop and restart them); they only need it installed.
start_test_services() { install_azurite && install_chromium; }
stop_test_services() { stop_azurite; }

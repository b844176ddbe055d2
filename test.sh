#!/usr/bin/env bash
# Runs every test of the solution: the README's test command, also called by .ci/run.
# Installs and starts what the tests need first (see tools/test-services.sh), then writes TRX results to TestResults/.
set -euo pipefail
cd "$(dirname "$0")"

results="${AGENTOPS_TEST_RESULTS:-TestResults}"
rm -rf "$results"
mkdir -p "$results"

if [ -x tools/test-services.sh ]; then
  # shellcheck source=/dev/null
  source tools/test-services.sh
  start_test_services
  trap stop_test_services EXIT
fi

echo "==> dotnet build"
dotnet build AgentOpsGrains.sln -c Release -nologo -v quiet

status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "==> dotnet test $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" \
    --blame-hang-timeout 10m "$@" || status=$?
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "Tests: ${passed} passed, ${failed} failed (TRX files in ${results}/)"
exit $status

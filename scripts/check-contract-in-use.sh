#!/usr/bin/env bash
# The contract in use: Prism, the validating proxy (sdk/node_modules, `npm ci` in sdk/), checks every request and
# answer against sdk/openapi/v2.json while
#   1. the quickstart runs against a freshly started platform (Release build, embedded SQLite), and
#   2. the SDK's tests run (SDK_CONTRACT_PROXY: each test platform gets its own Prism in front).
# Any violation fails, and so does a run in which no request went through Prism.
set -uo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-Release}
platform_port=${PLATFORM_PORT:-56090}
prism_port=${PRISM_PORT:-56091}
scratch=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done; rm -rf "$scratch"; }
trap cleanup EXIT

wait_for() { # $1 = file, $2 = text, $3 = what
  for _ in $(seq 1 120); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "$3 did not start:"; tail -20 "$1"; return 1
}

findings() { # $1 = Prism log: violations and proxy errors, then the number of requests
  grep -E "Violation|✖" "$1" | sed -E 's/^.*\] //' | sort | uniq -c | sort -rn
}

status=0
(cd src/Integration.Api && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Sqlite="Data Source=$scratch/platform.db" \
  exec dotnet "bin/$configuration/net10.0/Integration.Api.dll" --urls "http://127.0.0.1:$platform_port") >"$scratch/platform.log" 2>&1 &
pids+=($!)
wait_for "$scratch/platform.log" "Now listening" "the platform" || exit 1
sdk/node_modules/.bin/prism proxy sdk/openapi/v2.json "http://127.0.0.1:$platform_port" --host 127.0.0.1 --port "$prism_port" >"$scratch/prism.log" 2>&1 &
pids+=($!)
wait_for "$scratch/prism.log" "Prism is listening" "Prism" || exit 1

id=$(grep -A1 "sandbox credential" "$scratch/platform.log" | awk '/client_id/ {print $2}')
secret=$(grep -A2 "sandbox credential" "$scratch/platform.log" | awk '/client_secret/ {print $2}')
if ! dotnet "sdk/samples/Quickstart/bin/$configuration/net10.0/Quickstart.dll" "$id" "$secret" BAG-001 "http://127.0.0.1:$prism_port/" >"$scratch/quickstart.log" 2>&1; then
  echo "the quickstart failed through Prism:"; tail -20 "$scratch/quickstart.log"; status=1
fi
requests=$(grep -c "Request received" "$scratch/prism.log")
echo "quickstart through Prism: $requests requests, $(findings "$scratch/prism.log" | awk '{n+=$1} END {print n+0}') violations"
findings "$scratch/prism.log"
[ "$requests" -gt 0 ] && [ -z "$(findings "$scratch/prism.log")" ] || status=1

mkdir -p "$scratch/sdk"
SDK_CONTRACT_PROXY="$scratch/sdk" dotnet test sdk/tests/PartnerPlatform.Sdk.Tests -c "$configuration" --no-build >"$scratch/sdk-tests.log" 2>&1 \
  || { echo "the SDK tests failed through Prism:"; grep -E "\[FAIL\]|Error Message" -A2 "$scratch/sdk-tests.log" | head -40; status=1; }
requests=$(grep -c "Request received" "$scratch/sdk/prism.log" 2>/dev/null || echo 0)
echo "SDK tests through Prism: $requests requests, $(findings "$scratch/sdk/prism.log" 2>/dev/null | awk '{n+=$1} END {print n+0}') violations"
findings "$scratch/sdk/prism.log" 2>/dev/null
[ "$requests" -gt 0 ] && [ -z "$(findings "$scratch/sdk/prism.log" 2>/dev/null)" ] || status=1
exit $status

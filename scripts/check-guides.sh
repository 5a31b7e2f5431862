#!/usr/bin/env bash
# Runs the guides' shell examples against a started platform, so that a guide cannot rot.
#
# Starts the built platform (Development, a fresh SQLite file, a free port), takes the sandbox and
# admin credentials it prints on its first run, and runs every ```bash block of the guides below in
# order, in one shell, with the variables the guides tell the reader to set:
#   API (the platform's URL), CLIENT_ID and CLIENT_SECRET (the sandbox credential),
#   ADMIN_CLIENT_ID and ADMIN_CLIENT_SECRET (the internal credential).
# curl fails on any HTTP error (--fail-with-body) and the shell on any non-zero exit.
# A block that is not meant to run has <!-- not-run: why --> on the line before it.
#
#   scripts/check-guides.sh                       # against the platform it starts
#   GUIDES_API=http://127.0.0.1:4010 scripts/check-guides.sh   # examples talk to another URL
#   GUIDES_THROUGH_PRISM=1 scripts/check-guides.sh # through Prism, the validating proxy (sdk/node_modules), checking
#                                                  # every request and answer against sdk/openapi/v2.json (CI does)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-Release}
api_dll=src/Integration.Api/bin/$configuration/net10.0/Integration.Api.dll
guides=(README.md docs/getting-started.md docs/orders.md docs/sandbox.md)
for tool in curl jq; do command -v "$tool" >/dev/null || { echo "check-guides: the guides use $tool; install it (apt-get install $tool)"; exit 1; }; done
[ -f "$api_dll" ] || { echo "check-guides: $api_dll is missing; build first (dotnet build Integration.sln -c $configuration)"; exit 1; }

scratch=$(mktemp -d)
platform_pid=""
prism_pid=""
cleanup() {
  if [ -n "$prism_pid" ]; then kill "$prism_pid" 2>/dev/null || true; fi
  if [ -n "$platform_pid" ]; then kill "$platform_pid" 2>/dev/null || true; wait "$platform_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

: >"$scratch/platform.log"
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Sqlite="Data Source=$scratch/guides.db" \
Audit__ChainKeys__0__Id=guides Audit__ChainKeys__0__Key="$(head -c 32 /dev/urandom | base64)" \
  dotnet "$api_dll" --urls http://127.0.0.1:0 >"$scratch/platform.log" 2>&1 &
platform_pid=$!

url=""
for _ in $(seq 1 120); do
  url=$(sed -nE 's/.*Now listening on: (http:\/\/[^ ]+).*/\1/p' "$scratch/platform.log" | head -1)
  [ -n "$url" ] && break
  kill -0 "$platform_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$url" ]; then
  echo "check-guides: the platform did not start:"; cat "$scratch/platform.log"; exit 1
fi
values() { sed -nE "s/^ *$1: *([^ ]+).*/\1/p" "$scratch/platform.log"; }
sandbox_id=$(values client_id | sed -n 1p); admin_id=$(values client_id | sed -n 2p)
sandbox_secret=$(values client_secret | sed -n 1p); admin_secret=$(values client_secret | sed -n 2p)
[ -n "$sandbox_id" ] && [ -n "$admin_secret" ] || { echo "check-guides: no first-run credentials printed:"; cat "$scratch/platform.log"; exit 1; }

if [ "${GUIDES_THROUGH_PRISM:-}" = 1 ]; then
  prism_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  sdk/node_modules/.bin/prism proxy sdk/openapi/v2.json "$url" --host 127.0.0.1 --port "$prism_port" >"$scratch/prism.log" 2>&1 &
  prism_pid=$!
  for _ in $(seq 1 120); do grep -q "Prism is listening" "$scratch/prism.log" && break; sleep 0.5; done
  grep -q "Prism is listening" "$scratch/prism.log" || { echo "check-guides: Prism did not start:"; tail -20 "$scratch/prism.log"; exit 1; }
  GUIDES_API="http://127.0.0.1:$prism_port"
fi

# The examples, in order; a block after <!-- not-run … --> is left out.
{
  echo 'set -euo pipefail'
  echo 'curl() { command curl --fail-with-body --silent --show-error "$@"; }'
  printf 'API=%q CLIENT_ID=%q CLIENT_SECRET=%q ADMIN_CLIENT_ID=%q ADMIN_CLIENT_SECRET=%q\n' \
    "${GUIDES_API:-$url}" "$sandbox_id" "$sandbox_secret" "$admin_id" "$admin_secret"
  for guide in "${guides[@]}"; do
    awk -v guide="$guide" '
      /^```bash[ \t]*$/ { inside = 1; n++; if (!skip) printf "echo; echo %c== %s, example %d%c\n", 39, guide, n, 39; next }
      /^```/ && inside { inside = 0; skip = 0; next }
      inside { if (!skip) print; next }
      /<!-- *not-run/ { skip = 1; next }
      NF { skip = 0 }
    ' "$guide"
  done
} >"$scratch/guides.sh"

echo "== running the guides' examples against ${GUIDES_API:-$url} ($(grep -c "^echo; echo '== " "$scratch/guides.sh") blocks)"
if ! (cd "$scratch" && bash guides.sh >"$scratch/run.log" 2>&1); then
  tail -40 "$scratch/run.log"
  echo "check-guides: an example failed (above: the last '==' line names the guide and block)."
  echo "-- platform log (last 40 lines) --"; tail -40 "$scratch/platform.log"
  exit 1
fi
grep '^== ' "$scratch/run.log" | tr '\n' ' '; echo
echo "guides' examples ran without an error"
if [ -n "$prism_pid" ]; then
  violations=$(grep -E "Violation|✖" "$scratch/prism.log" | sed -E 's/^.*\] //' | sort | uniq -c | sort -rn || true)
  echo "through Prism: $(grep -c "Request received" "$scratch/prism.log") requests, $(printf '%s' "$violations" | awk '{n+=$1} END {print n+0}') violations"
  [ -z "$violations" ] || { echo "$violations"; exit 1; }
fi

#!/usr/bin/env bash
# Packs src/Integration.Cli as the dotnet tool Integration.Admin.Cli and installs (or updates) it as `integration-admin`.
#
#   scripts/install-admin-cli.sh                      # global tool (~/.dotnet/tools on PATH)
#   scripts/install-admin-cli.sh --tool-path DIR      # into DIR (CI images, containers, no global tools)
#
# The package goes to artifacts/admin-cli, or to $ADMIN_CLI_FEED (kept, so the same .nupkg can be copied to
# other machines: dotnet tool install -g Integration.Admin.Cli --prerelease --add-source <that folder>).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-Release}
feed=${ADMIN_CLI_FEED:-artifacts/admin-cli}
where=(--global)
if [ "${1:-}" = "--tool-path" ]; then
  where=(--tool-path "${2:?usage: scripts/install-admin-cli.sh [--tool-path DIR]}")
elif [ -n "${1:-}" ]; then
  echo "usage: scripts/install-admin-cli.sh [--tool-path DIR]" >&2
  exit 2
fi

# Each pack gets its own prerelease version (1.0.0-local.20261207160900): a package id and version are
# cached by NuGet once, so re-packing changed code under the same version would install the old build.
release=$(dotnet msbuild src/Integration.Cli -getProperty:Version -p:Configuration="$configuration")
version="$release-local.$(date -u +%Y%m%d%H%M%S)"
rm -rf "$feed"
dotnet pack src/Integration.Cli -c "$configuration" -o "$feed" --nologo -v quiet -p:Version="$version"
# `update` installs when the tool is missing, and moves to this version (also down) when it is there.
dotnet tool update Integration.Admin.Cli "${where[@]}" --add-source "$feed" --version "$version" --allow-downgrade --ignore-failed-sources
echo "integration-admin $version installed (${where[*]}). Configure it with INTEGRATION_ADMIN_URL, INTEGRATION_ADMIN_CLIENT_ID and INTEGRATION_ADMIN_CLIENT_SECRET."

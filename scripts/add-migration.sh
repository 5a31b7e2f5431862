#!/usr/bin/env bash
# Adds a migration for both database providers: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet tool run dotnet-ef migrations add "$name" \
    --project src/Integration.Data --startup-project src/Integration.Data \
    --context "${provider}IntegrationDbContext" --output-dir "Migrations/$provider"
done
rm -f src/Integration.Data/design-time.db

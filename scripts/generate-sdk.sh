#!/usr/bin/env bash
# Regenerates the committed API contract and the SDK's generated client from the code:
#   sdk/openapi/{v1,v2,admin}.json   — Swashbuckle CLI over the built API
#   sdk/src/PartnerPlatform.Sdk/Generated/*.g.cs — NSwag from sdk/openapi/v2.json (without the token endpoint),
#     one file per SDK namespace (sdk/surfaces.json)
# CI runs it and fails when git sees a difference (a stale contract or client).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
configuration=${CONFIGURATION:-Release}
api=src/Integration.Api/bin/$configuration/net10.0/Integration.Api.dll
[ -f "$api" ] || dotnet build src/Integration.Api -c "$configuration" >/dev/null

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for doc in v1 v2 admin; do
  # Development: no signing certificate needed; a throwaway database (the CLI builds the host, it serves nothing).
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Sqlite="Data Source=$scratch/contract.db" Seed__DemoOnFirstRun=false \
    dotnet swagger tofile --output "sdk/openapi/$doc.json" "$api" "$doc" >"$scratch/swagger-$doc.log" 2>&1 \
    || { cat "$scratch/swagger-$doc.log"; exit 1; }
done

# The SDK asks for tokens itself: the token endpoint (TokenEndpointInDocuments) is left out of its client.
node -e 'const fs = require("fs"); const d = JSON.parse(fs.readFileSync(process.argv[1]));
  delete d.paths["/connect/token"]; delete d.components.schemas.OAuthError; d.tags = (d.tags || []).filter(t => t.name !== "OAuth");
  fs.writeFileSync(process.argv[2], JSON.stringify(d));' sdk/openapi/v2.json "$scratch/v2-sdk.json"

# One namespace per API surface (sdk/surfaces.json, ADR 0020): NSwag writes one namespace per run, so the
# document is split per namespace and each run leaves out the types another namespace owns. Code in
# PartnerPlatform.Sdk.Sandbox sees PartnerPlatform.Sdk's shared types as any nested namespace does, and the
# other surfaces' types through the usings.
mkdir "$scratch/surfaces"
node scripts/split-sdk-document.mjs "$scratch/v2-sdk.json" sdk/surfaces.json "$scratch/surfaces"
generated=sdk/src/PartnerPlatform.Sdk/Generated
rm -f "$generated"/*.g.cs
usings=$(grep -v '^Shared$' "$scratch/surfaces/namespaces" | sed 's/^/PartnerPlatform.Sdk./' | paste -sd,)
while read -r surface; do
  if [ "$surface" = Shared ]; then namespace=PartnerPlatform.Sdk; output=$generated/PartnerApi.g.cs
  else namespace=PartnerPlatform.Sdk.$surface; output=$generated/$surface.g.cs; fi
  dotnet nswag openapi2csclient /input:"$scratch/surfaces/$surface.json" /output:"$output" \
    /namespace:"$namespace" /AdditionalNamespaceUsages:"$usings" /ExcludedTypeNames:"$(cat "$scratch/surfaces/$surface.exclude")" \
    /JsonLibrary:SystemTextJson /GenerateNullableReferenceTypes:true /GenerateOptionalPropertiesAsNullable:true \
    /OperationGenerationMode:MultipleClientsFromFirstTagAndOperationId /ClassName:"{controller}Client" /GenerateClientInterfaces:false /ClientClassAccessModifier:internal \
    /InjectHttpClient:true /DisposeHttpClient:false /UseBaseUrl:false /GenerateBaseUrlProperty:false \
    /GenerateExceptionClasses:false /ExceptionClass:PartnerApiException /GenerateSyncMethods:false \
    /DateTimeType:System.DateTimeOffset /ArrayType:System.Collections.Generic.IReadOnlyList /ArrayInstanceType:System.Collections.Generic.List \
    /ClassStyle:Poco /RequiredPropertiesMustBeDefined:true /GenerateDtoTypes:true /ParameterArrayType:System.Collections.Generic.IEnumerable \
    /TemplateDirectory:sdk/templates /ParameterDateTimeFormat:o /JsonSerializerSettingsTransformationMethod:PartnerPlatform.Sdk.Http.WireJson.Configure \
    >"$scratch/nswag-$surface.log" 2>&1 || { cat "$scratch/nswag-$surface.log"; exit 1; }
done <"$scratch/surfaces/namespaces"
echo "contract and client regenerated"

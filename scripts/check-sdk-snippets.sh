#!/usr/bin/env bash
# Compiles every ```csharp block of the SDK's guides against the SDK as it is now, so that a change of
# the SDK's public surface cannot leave a guide showing code that no longer compiles.
#
# Each block becomes the body of its own local async function in one scratch console app, after a
# preamble declaring what the guides take as given: secret, liveSecret, sandboxSecret (strings),
# services (an IServiceCollection), builder (.Services and .Configuration, as a host builder has),
# client (IPartnerClient), request (CreateOrderRequest), order (OrderV2). `var client =` and
# `var order =` in a block assign those. NSubstitute is referenced for the testing examples.
# Needs the SDK's generated client in place (scripts/generate-sdk.sh or the committed one).
#
#   scripts/check-sdk-snippets.sh
set -euo pipefail
cd "$(dirname "$0")/.."
guides=(sdk/README.md sdk/src/PartnerPlatform.Sdk/README.md docs/getting-started.md docs/sandbox.md)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
version() { grep -oP "Include=\"$1\" Version=\"\K[^\"]+" Directory.Packages.props; }

cat >"$scratch/Snippets.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <!-- unused local functions and variables: each snippet is compiled, none is run -->
    <NoWarn>CS8321;CS0168;CS0219;CS1998</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NSubstitute" Version="$(version NSubstitute)" />
    <ProjectReference Include="$PWD/sdk/src/PartnerPlatform.Sdk/PartnerPlatform.Sdk.csproj" />
  </ItemGroup>
</Project>
PROJECT

node -e '
const fs = require("fs");
let out = `using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using PartnerPlatform.Sdk;

string secret = "", liveSecret = "", sandboxSecret = "";
var services = new ServiceCollection();
var builder = (Services: new ServiceCollection(), Configuration: (IConfiguration)new ConfigurationBuilder().Build());
IPartnerClient client = null!;
CreateOrderRequest request = null!;
OrderV2 order = null!;
`;
let n = 0;
for (const guide of process.argv.slice(2)) {
  const text = fs.readFileSync(guide, "utf8");
  for (const match of text.matchAll(/```csharp\n([\s\S]*?)```/g)) {
    const body = match[1].replace(/^\s*using PartnerPlatform\.Sdk;\s*$/m, "")
      .replace(/\bvar (client|order) = /g, "$1 = ");
    const line = text.slice(0, match.index).split("\n").length;
    out += `\nasync Task Snippet${++n}() // ${guide}:${line}\n{\n#line ${line + 1} "${process.cwd()}/${guide}"\n${body}#line default\n}\n`;
  }
}
fs.writeFileSync(process.argv[1], out);
console.log(`${n} C# snippets from ${process.argv.length - 2} guides`);
' "$scratch/Program.cs" "${guides[@]}"

if ! dotnet build "$scratch/Snippets.csproj" -nologo -v q >"$scratch/build.log" 2>&1; then
  grep -E "error" "$scratch/build.log" | sed "s#\[$scratch/Snippets.csproj\]##" | sort -u
  echo "check-sdk-snippets: a guide's C# example does not compile against the SDK (file:line above)"
  exit 1
fi
echo "check-sdk-snippets: every C# example compiles"

#!/usr/bin/env bash
# Compiles every ```csharp block of the SDK's guides against the SDK as it is now, so that a change of
# the SDK's public surface cannot leave a guide showing code that no longer compiles.
#
# Each block becomes the body of an async method in its own file of one scratch console app, with the
# block's own `using` lines (PartnerPlatform.Sdk is given; a surface's namespace, e.g.
# PartnerPlatform.Sdk.Orders, must be in the block that uses its types), and what the guides take as
# given: secret, liveSecret, sandboxSecret (strings), services (an IServiceCollection), builder
# (.Services and .Configuration, as a host builder has), client (IPartnerClient), request
# (CreateOrderRequest), order (OrderV2). `var client =` and `var order =` in a block assign those.
# NSubstitute is referenced for the testing examples.
# Needs the SDK's generated client in place (scripts/generate-sdk.sh or the committed one).
#
#   scripts/check-sdk-snippets.sh
set -euo pipefail
cd "$(dirname "$0")/.."
guides=(sdk/README.md sdk/src/PartnerPlatform.Sdk/README.md docs/getting-started.md docs/sandbox.md docs/request-log.md)
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
const [scratch, ...guides] = process.argv.slice(1);
const given = ["Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "NSubstitute", "PartnerPlatform.Sdk"];
fs.writeFileSync(`${scratch}/Given.cs`, `${given.map((ns) => `global using ${ns};`).join("\n")}
global using static Given;

System.Console.WriteLine("compiled, not run");

internal static class Given
{
    internal static string secret = "", liveSecret = "", sandboxSecret = "";
    internal static ServiceCollection services = new();
    internal static (ServiceCollection Services, IConfiguration Configuration) builder = (new ServiceCollection(), new ConfigurationBuilder().Build());
    internal static IPartnerClient client = null!;
    internal static PartnerPlatform.Sdk.Orders.CreateOrderRequest request = null!;
    internal static PartnerPlatform.Sdk.Orders.OrderV2 order = null!;
}
`);
let n = 0;
for (const guide of guides) {
  const text = fs.readFileSync(guide, "utf8");
  for (const match of text.matchAll(/```csharp\n([\s\S]*?)```/g)) {
    // Each example is its own file: the namespaces it uses are the `using` lines it shows.
    const usings = [...match[1].matchAll(/^[ \t]*using ([\w.]+);[ \t]*$/gm)].map((u) => u[1]).filter((ns) => !given.includes(ns));
    const body = match[1].replace(/^[ \t]*using [\w.]+;[ \t]*$/gm, "").replace(/\bvar (client|order) = /g, "$1 = ");
    const line = text.slice(0, match.index).split("\n").length;
    fs.writeFileSync(`${scratch}/Snippet${++n}.cs`, `${usings.map((ns) => `using ${ns};`).join("\n")}

internal static partial class Snippets
{
    internal static async Task Snippet${n}() // ${guide}:${line}
    {
#line ${line + 1} "${process.cwd()}/${guide}"
${body}#line default
    }
}
`);
  }
}
console.log(`${n} C# snippets from ${guides.length} guides`);
' "$scratch" "${guides[@]}"

if ! dotnet build "$scratch/Snippets.csproj" -nologo -v q >"$scratch/build.log" 2>&1; then
  grep -E "error" "$scratch/build.log" | sed "s#\[$scratch/Snippets.csproj\]##" | sort -u
  echo "check-sdk-snippets: a guide's C# example does not compile against the SDK (file:line above)"
  exit 1
fi
echo "check-sdk-snippets: every C# example compiles"

using System.Text.Json;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>
/// A partner finds a surface's types in its namespace (<c>using PartnerPlatform.Sdk.Orders;</c>), and
/// <c>PartnerPlatform.Sdk</c> holds only the entry points and what several surfaces share (ADR 0020).
/// </summary>
public sealed class SdkNamespaceTests
{
    private static readonly Type[] Exported = typeof(PartnerClient).Assembly.GetExportedTypes();

    [Fact]
    public void EveryTypeOfTheContract_IsInTheNamespaceOfTheSurfaceThatUsesIt()
    {
        var contract = Contract.Load();
        var misplaced = new List<string>();
        foreach (var (schema, surface) in contract.HomeOfEverySchema())
        {
            var expected = surface.Length == 0 ? "PartnerPlatform.Sdk" : $"PartnerPlatform.Sdk.{surface}";
            var type = Exported.SingleOrDefault(t => t.Name == schema);
            if (type?.Namespace != expected)
            {
                misplaced.Add($"{schema} is in {type?.Namespace ?? "(missing)"}, expected {expected}");
            }
        }
        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    [Fact]
    public void TheRootNamespace_HoldsOnlyEntryPointsAndSharedTypes()
    {
        var shared = Contract.Load().HomeOfEverySchema().Where(h => h.Surface.Length == 0).Select(h => h.Schema).ToHashSet();
        var entryPoints = new HashSet<string>
        {
            nameof(PartnerClient), nameof(IPartnerClient), nameof(PartnerClientOptions), nameof(PartnerCredential),
            nameof(PartnerClientServiceCollectionExtensions), nameof(RequestOptions), nameof(ListOptions), nameof(PartnerResponse),
            nameof(PartnerApiException), nameof(PartnerAuthenticationException), nameof(PartnerRateLimitedException),
            // the partner's own profile and the catalog (tags Partners and Products) stay at the root: sdk/surfaces.json
            nameof(IPartnerService), nameof(PartnerService), nameof(IProductService), nameof(ProductService),
        };
        var exceptions = Exported.Where(t => t.Namespace == "PartnerPlatform.Sdk" && typeof(Exception).IsAssignableFrom(t)).Select(t => t.Name);
        entryPoints.UnionWith(exceptions);

        var unexpected = Exported.Where(t => t.Namespace == "PartnerPlatform.Sdk" && !shared.Contains(t.Name) && !entryPoints.Contains(t.Name))
            .Select(t => t.Name).Order().ToList();

        Assert.True(unexpected.Count == 0, "in PartnerPlatform.Sdk without being shared by several surfaces: " + string.Join(", ", unexpected));
    }

    [Theory]
    [InlineData("IOrderService", "Orders")]
    [InlineData("IInventoryService", "Inventory")]
    [InlineData("ITransferService", "Transfers")]
    [InlineData("ISettlementService", "Settlement")]
    [InlineData("IDisputeService", "Settlement")]
    [InlineData("ISandboxService", "Sandbox")]
    [InlineData("IWebhookService", "Webhooks")]
    [InlineData("IEventService", "Webhooks")]
    public void EachService_ComesWithItsSurface(string service, string surface)
    {
        var contract = Exported.Single(t => t.IsInterface && t.Name == service);
        var implementation = Exported.Single(t => t.IsClass && contract.IsAssignableFrom(t));
        Assert.Equal($"PartnerPlatform.Sdk.{surface}", contract.Namespace);
        Assert.Equal($"PartnerPlatform.Sdk.{surface}", implementation.Namespace);
    }

    /// <summary>sdk/openapi/v2.json read as the generator reads it (scripts/split-sdk-document.mjs), with sdk/surfaces.json.</summary>
    private sealed class Contract(JsonElement document, Dictionary<string, string?> surfaces)
    {
        public static Contract Load()
        {
            var document = JsonDocument.Parse(File.ReadAllText(SdkFolder.File("openapi", "v2.json"))).RootElement;
            var surfaces = JsonDocument.Parse(File.ReadAllText(SdkFolder.File("surfaces.json"))).RootElement.GetProperty("tags")
                .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            return new Contract(document, surfaces);
        }

        public IEnumerable<(string Schema, string Surface)> HomeOfEverySchema()
        {
            var schemas = document.GetProperty("components").GetProperty("schemas");
            var users = new Dictionary<string, HashSet<string>>();
            foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name != "/connect/token"))
            {
                foreach (var operation in path.Value.EnumerateObject())
                {
                    // null: a surface left out of the SDK (its types are generated only when another surface uses them)
                    if (surfaces[operation.Value.GetProperty("tags")[0].GetString()!] is not { } surface)
                    {
                        continue;
                    }
                    foreach (var schema in Reach(schemas, References(operation.Value)))
                    {
                        (users.TryGetValue(schema, out var set) ? set : users[schema] = []).Add(surface);
                    }
                }
            }
            foreach (var (schema, used) in users)
            {
                // The sandbox answers with other surfaces' objects (an order, a statement): it owns only what nothing else uses.
                var owners = used.Count > 1 ? used.Where(s => s != surfaces["Sandbox"]).ToList() : [.. used];
                yield return (schema, owners.Count == 1 ? owners[0] : "");
            }
        }

        private static HashSet<string> Reach(JsonElement schemas, IEnumerable<string> names)
        {
            var seen = new HashSet<string>();
            var pending = new Stack<string>(names);
            while (pending.TryPop(out var name))
            {
                if (seen.Add(name))
                {
                    foreach (var next in References(schemas.GetProperty(name))) pending.Push(next);
                }
            }
            return seen;
        }

        private static IEnumerable<string> References(JsonElement node) => node.ValueKind switch
        {
            JsonValueKind.Object => node.EnumerateObject().SelectMany(p =>
                p.Name == "$ref" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!.Split('/')[^1]] : References(p.Value)),
            JsonValueKind.Array => node.EnumerateArray().SelectMany(References),
            _ => [],
        };
    }
}

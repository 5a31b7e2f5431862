using Integration.Api.Tests.Infrastructure;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Hosting;

public sealed class DevelopmentSeedTests
{
    [Fact]
    public async Task FirstRun_CreatesADemoPartnerWithASandboxCredential_AndACatalogueToOrderFrom()
    {
        await using var platform = new FirstRunPlatform();
        await platform.InitializeAsync();

        var (partners, credentials, products, stock) = await platform.WithDbAsync(async db => (
            await db.Partners.Select(p => p.Name).ToListAsync(),
            await db.Credentials.Select(c => new { c.Kind, c.Environment, c.PartnerId, c.Scopes }).ToListAsync(),
            await db.Products.Select(p => p.Sku).ToListAsync(),
            await db.BrandStock.Where(s => s.Environment == ApiEnvironment.Sandbox).SumAsync(s => s.OnHand)));

        Assert.Equal(["Demo Trading Co."], partners);
        Assert.Contains(credentials, c => c.Kind == CredentialKind.Partner && c.Environment == ApiEnvironment.Sandbox && c.Scopes.Count == ApiScopes.PartnerScopes.Count);
        Assert.Contains(credentials, c => c.Kind == CredentialKind.Internal);
        Assert.Equal(["BAG-001", "BELT-003", "WALLET-002"], products.Order(StringComparer.Ordinal));
        Assert.True(stock > 0);
    }
}

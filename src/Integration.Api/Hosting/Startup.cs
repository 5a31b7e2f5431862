using Integration.Api.Catalog;
using Integration.Application.Catalog;
using Integration.Api.Credentials;
using Integration.Api.People;
using Integration.Data.People;
using Microsoft.AspNetCore.Identity;
using Integration.Application.Credentials;
using Integration.Api.Inventory;
using Integration.Application.Inventory;
using Integration.Api.Partners;
using Integration.Application.Partners;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Integration.Api.Hosting;

/// <summary>
/// What happens before the platform serves: the operator commands (<c>migrate</c>, <c>bootstrap</c>),
/// migrations in Development, and the demo partner printed on a developer's first run.
/// </summary>
public static class Startup
{
    private const string BootstrapActor = "bootstrap";

    private static readonly (string Sku, string Name, decimal ListPrice)[] DemoCatalog =
    [
        ("BAG-001", "Canvas tote bag", 199.99m),
        ("WALLET-002", "Leather wallet", 89.50m),
        ("BELT-003", "Woven belt", 10.10m),
    ];

    /// <summary>Runs the command named in <paramref name="args"/>, if any, and returns its exit code.</summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        // Only the first argument can be a command: later ones are configuration ("--urls http://…").
        var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
        switch (command)
        {
            case null:
                return null;
            case "migrate":
                await MigrateAsync(app.Services);
                Console.WriteLine("The database schema is up to date.");
                return 0;
            case "bootstrap":
                return await BootstrapAsync(app.Services);
            case var unknown:
                Console.Error.WriteLine($"Unknown command '{unknown}'. Commands: migrate, bootstrap. Without a command the platform serves.");
                return 2;
        }
    }

    public static async Task PrepareAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue("Storage:MigrateOnStartup", app.Environment.IsDevelopment()))
        {
            await MigrateAsync(app.Services);
        }
        if (app.Configuration.GetValue("Seed:DemoOnFirstRun", app.Environment.IsDevelopment()))
        {
            await SeedDemoAsync(app.Services);
        }
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>().Database;
        // Npgsql's migrator first reads __EFMigrationsHistory to learn whether it exists; on an empty
        // database that read is an ERROR in PostgreSQL's log on every first start. The empty table,
        // which the migrator would create a moment later anyway, makes the read succeed.
        if (database.IsNpgsql() && await database.GetService<IRelationalDatabaseCreator>().ExistsAsync())
        {
            await database.ExecuteSqlRawAsync(database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
        }
        await database.MigrateAsync();
    }

    /// <summary>Creates the first internal credential, once. Later ones come from the admin API.</summary>
    private static async Task<int> BootstrapAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        if (await db.Credentials.AnyAsync(c => c.Kind == CredentialKind.Internal))
        {
            Console.Error.WriteLine("An internal credential already exists; bootstrap runs only once. Issue more with POST /admin/v1/internal-credentials.");
            return 1;
        }
        var issuer = scope.ServiceProvider.GetRequiredService<CredentialIssuer>();
        var (credential, secret) = await issuer.IssueInternalAsync("Bootstrap administrator", InternalRoles.Every, BootstrapActor, CancellationToken.None);
        Console.WriteLine($"The first internal credential (scope 'admin', roles: {InternalRoles.Format(credential.Roles)}). The secret is shown only now; store it in your secret manager.");
        Console.WriteLine($"  client_id:     {credential.ClientId}");
        Console.WriteLine($"  client_secret: {secret}");
        Console.WriteLine("Issue each colleague or tool its own credential with only the roles it needs (docs/internal-roles.md); live credentials need a second person's approval.");
        await CreateFirstPersonAsync(scope.ServiceProvider);
        return 0;
    }

    /// <summary>The first person, an admin with every role, who signs in to the console; printed once.</summary>
    private static async Task CreateFirstPersonAsync(IServiceProvider services) => Console.WriteLine(await FirstPersonTextAsync(services));

    private static async Task<string> FirstPersonTextAsync(IServiceProvider services)
    {
        var people = services.GetRequiredService<UserManager<Person>>();
        var email = services.GetRequiredService<IConfiguration>()["Bootstrap:AdminEmail"] ?? "admin@localhost";
        var person = new Person { Id = Ids.New("psn"), UserName = email, Email = email, DisplayName = "First administrator", CreatedAt = DateTimeOffset.UtcNow };
        person.ChangeRoles(InternalRoles.Every);
        var password = AdminPeopleController.InitialPassword();
        var created = await people.CreateAsync(person, password);
        if (!created.Succeeded)
        {
            return "No first person was created: " + string.Join(" ", created.Errors.Select(e => e.Description));
        }
        return $"""
            First person (signs in to the console; roles: {InternalRoles.Format(person.Roles)}):
              email:    {email}
              password: {password}
            Sign in at /console: the page sets up an authenticator app first (tools: POST /admin/v1/session, docs/internal-roles.md › People).
            """;
    }

    /// <summary>The demo partner's owner, who signs in to the portal; printed once.</summary>
    private static async Task<string> DemoOwnerTextAsync(IServiceProvider services, string partnerId)
    {
        var people = services.GetRequiredService<UserManager<Person>>();
        const string email = "owner@demo.localhost";
        var person = new Person { Id = Ids.New("psn"), UserName = email, Email = email, DisplayName = "Demo owner", CreatedAt = DateTimeOffset.UtcNow };
        person.JoinPartner(partnerId, PartnerRole.Owner);
        var password = AdminPeopleController.InitialPassword();
        var created = await people.CreateAsync(person, password);
        return created.Succeeded
            ? $"""
              Demo partner's owner (signs in to the partner portal at /portal):
                email:    {email}
                password: {password}
              """
            : "No demo owner was created: " + string.Join(" ", created.Errors.Select(e => e.Description));
    }

    private static async Task SeedDemoAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        if (await db.Credentials.AnyAsync())
        {
            return;
        }
        var issuer = scope.ServiceProvider.GetRequiredService<CredentialIssuer>();
        var (admin, adminSecret) = await issuer.IssueInternalAsync("Development administrator", InternalRoles.Every, BootstrapActor, CancellationToken.None);
        var partner = await scope.ServiceProvider.GetRequiredService<PartnerRegistry>().CreateAsync(new CreatePartnerRequest
        {
            Name = "Demo Trading Co.",
            Tier = PartnerTier.Advanced,
            CreditRating = CreditRating.B,
            CooperationMode = CooperationMode.RegionalDistribution,
            RegionCode = "CN-SH",
        }, BootstrapActor, CancellationToken.None);
        var catalog = scope.ServiceProvider.GetRequiredService<ProductCatalog>();
        var stock = scope.ServiceProvider.GetRequiredService<BrandStockLedger>();
        foreach (var (sku, name, price) in DemoCatalog)
        {
            await catalog.CreateAsync(new CreateProductRequest { Sku = sku, Name = name, ListPrice = price }, BootstrapActor, CancellationToken.None);
            await stock.SetOnHandAsync(ApiEnvironment.Sandbox, sku, 500, BootstrapActor, CancellationToken.None);
        }
        var (sandbox, sandboxSecret) = await issuer.IssueForPartnerAsync(partner.Id, new IssuePartnerCredentialRequest
        {
            Environment = ApiEnvironment.Sandbox,
            Scopes = ApiScopes.PartnerScopes,
            Name = "Demo sandbox credential",
        }, BootstrapActor, CancellationToken.None);

        Console.WriteLine($"""

            ──── First run: development credentials (shown once; the database keeps only hashes) ────
            Demo partner {partner.Id}, sandbox credential:
              client_id:     {sandbox.ClientId}
              client_secret: {sandboxSecret}
            Internal (admin API) credential, roles {InternalRoles.Format(admin.Roles)}:
              client_id:     {admin.ClientId}
              client_secret: {adminSecret}
            {await FirstPersonTextAsync(scope.ServiceProvider)}
            {await DemoOwnerTextAsync(scope.ServiceProvider, partner.Id)}
            Open /docs, click Authorize, paste the sandbox pair, then call GET /v2/partners/me,
            GET /v2/products and POST /v2/orders (demo SKUs BAG-001, WALLET-002, BELT-003).
            ─────────────────────────────────────────────────────────────────────────────────────────

            """);
    }
}

using System.Net;
using Integration.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Api.Tests.Hosting;

/// <summary>
/// An operator's error logs — the platform's and the database server's — hold what needs a look. A
/// statement the database refuses is an ERROR line in PostgreSQL's log, so expected situations (a
/// partner reusing its own order reference, migrating an empty database) must not send one.
/// </summary>
public sealed class DatabaseErrorLogTests(DatabaseErrorLogTests.StatementsPlatform platform) : IClassFixture<DatabaseErrorLogTests.StatementsPlatform>
{
    /// <summary>A fresh, empty database, every statement the platform sends it logged and kept.</summary>
    public sealed class StatementsPlatform : PlatformFactory
    {
        public StatementsPlatform() => Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Debug";

        public CapturedLogs Logs { get; } = new();

        public List<string> Refused(int after = 0) => [.. Logs.All.Skip(after)
            .Where(l => l.EventId.Id == RelationalEventId.CommandError.Id || l.Level >= LogLevel.Error).Select(l => $"{l.Level} {l.Category}: {l.Message}")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs)));
        }
    }

    [Fact]
    public void Migrating_an_empty_database_sends_no_statement_it_refuses()
    {
        var refused = platform.Refused();
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }

    [Fact]
    public async Task A_duplicate_reference_is_a_409_without_a_refused_statement_or_an_error_log()
    {
        var sku = await platform.CreateProductAsync(1.00m);
        var session = await platform.NewPartnerSessionAsync();
        (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-TWICE", (sku, 1)))).EnsureSuccessStatusCode();
        var before = platform.Logs.All.Count;

        await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-TWICE", (sku, 2)))).ReadProblemAsync(HttpStatusCode.Conflict, "duplicate_reference");

        var refused = platform.Refused(before);
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }
}

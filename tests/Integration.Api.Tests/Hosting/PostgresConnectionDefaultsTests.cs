using Integration.Data;
using Npgsql;

namespace Integration.Api.Tests.Hosting;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void APlainConnectionString_GetsPreparedStatements_NoResetRoundTrip_AndMultiplexing()
    {
        var settings = new NpgsqlConnectionStringBuilder(StorageRegistration.WithPostgresDefaults("Host=db.internal;Database=platform;Username=api"));

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
        Assert.True(settings.Multiplexing);
        Assert.Equal("db.internal", settings.Host);
    }

    [Fact]
    public void WhatTheOperatorSets_Wins_ForExampleBehindATransactionModePgBouncer()
    {
        var settings = new NpgsqlConnectionStringBuilder(StorageRegistration.WithPostgresDefaults(
            "Host=pgbouncer;Database=platform;Max Auto Prepare=0;No Reset On Close=false;Multiplexing=false"));

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
        Assert.False(settings.Multiplexing);
    }

    [Fact]
    public void TheKeyRingsConnection_IsTheSameDatabaseWithoutMultiplexing()
    {
        var platform = StorageRegistration.WithPostgresDefaults("Host=db.internal;Database=platform;Username=api");
        var keyRing = new NpgsqlConnectionStringBuilder(StorageRegistration.WithoutMultiplexing(platform));

        Assert.False(keyRing.Multiplexing);
        Assert.Equal("platform", keyRing.Database);
        Assert.Equal(64, keyRing.MaxAutoPrepare);
    }
}

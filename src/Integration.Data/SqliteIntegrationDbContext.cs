using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Integration.Data;

public sealed class SqliteIntegrationDbContext(DbContextOptions<SqliteIntegrationDbContext> options) : IntegrationDbContext(options)
{
    private WriterTurn? _writerTurn;

    public override WriterTurn WriterTurn =>
        _writerTurn ??= new WriterTurn(SqliteWriteGate.For(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset text; as UTC ticks it sorts and compares exactly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

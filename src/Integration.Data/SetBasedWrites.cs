using System.Data.Common;
using System.Text.Json;
using Integration.Core.Events;
using Integration.Core.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Integration.Data;

/// <summary>
/// One statement for a whole batch of rows on bulk paths, where EF Core's statement per row is the
/// cost: the rows travel as a single JSON parameter read with <c>json_each</c> on SQLite, and as one
/// typed array per column read with <c>unnest</c> on PostgreSQL. A handful of parameters however
/// many rows (binding thousands of named parameters is quadratic in SQLite, and each statement is a
/// round trip on PostgreSQL). Values are converted as the model stores them; the statements run in
/// the caller's open transaction.
/// </summary>
public static class SetBasedWrites
{
    private const int RowsPerStatement = 5_000;

    /// <summary>
    /// Writes stock levels' on-hand counts: a new level is inserted, an existing one updated only if it
    /// is still at the version read (<c>level.Version - 1</c>). Returns the rows written: fewer than
    /// given means another writer changed (or created) one meanwhile.
    /// </summary>
    public static Task<int> UpsertOnHandAsync(this IntegrationDbContext db, IReadOnlyList<StockLevel> levels, CancellationToken cancellationToken) =>
        ExecuteAsync(db, levels,
            """INSERT INTO stock_levels ("LocationId", "Sku", "PartnerId", "Environment", "OnHand", "Reserved", "Version", "UpdatedAt") """,
            """
             ON CONFLICT ("LocationId", "Sku") DO UPDATE SET "OnHand" = excluded."OnHand", "Version" = excluded."Version", "UpdatedAt" = excluded."UpdatedAt"
             WHERE stock_levels."Version" = excluded."Version" - 1
            """,
            [
                new("text", l => l.LocationId), new("text", l => l.Sku), new("text", l => l.PartnerId),
                new("text", l => Stored<StockLevel>(db, nameof(StockLevel.Environment), l.Environment)),
                new("integer", l => l.OnHand), new("integer", l => l.Reserved), new("integer", l => l.Version),
                new("timestamp with time zone", l => Stored<StockLevel>(db, nameof(StockLevel.UpdatedAt), l.UpdatedAt)),
            ],
            cancellationToken);

    /// <summary>
    /// Adds events prepared with placeholder sequences (<c>EventLog.Prepare</c>) to the open transaction.
    /// They are inserted when it commits, already numbered, in one statement (see <see cref="UnsequencedEvents.Defer"/>).
    /// </summary>
    public static int AddPreparedEvents(this IntegrationDbContext db, IReadOnlyList<PartnerEvent> events)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Events are appended inside the transaction of the change they describe.");
        }
        db.UnsequencedEvents.Defer(events);
        return events.Count;
    }

    internal static Task<int> InsertNumberedEventsAsync(
        this IntegrationDbContext db, IReadOnlyList<PartnerEvent> events, Func<PartnerEvent, long> sequenceOf, CancellationToken cancellationToken) =>
        ExecuteAsync(db, events,
            """INSERT INTO events ("Id", "PartnerId", "Environment", "Sequence", "Type", "SubjectId", "Data", "OccurredAt") """,
            "",
            [
                new("text", e => e.Id), new("text", e => e.PartnerId),
                new("text", e => Stored<PartnerEvent>(db, nameof(PartnerEvent.Environment), e.Environment)),
                new("bigint", e => sequenceOf(e)), new("text", e => e.Type), new("text", e => e.SubjectId), new("text", e => e.Data),
                new("timestamp with time zone", e => Stored<PartnerEvent>(db, nameof(PartnerEvent.OccurredAt), e.OccurredAt)),
            ],
            cancellationToken);

    /// <summary>A column's PostgreSQL array type and how a row gives its value.</summary>
    private sealed record Column<T>(string PostgresType, Func<T, object> Value);

    private static async Task<int> ExecuteAsync<T>(
        IntegrationDbContext db, IReadOnlyList<T> rows, string insert, string onConflict, Column<T>[] columns, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Set-based writes run inside the caller's transaction.");
        var postgres = db.Database.IsNpgsql();
        var written = 0;
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText = insert + (postgres ? FromArrays(command, chunk, columns) : FromJson(command, chunk, columns)) + onConflict;
            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return written;
    }

    // SQLite: [[v1, v2, …], …] as one text parameter. "WHERE true" keeps ON CONFLICT from being read as part of the SELECT's join.
    private static string FromJson<T>(DbCommand command, T[] rows, Column<T>[] columns)
    {
        var json = JsonSerializer.Serialize(rows.Select(row => columns.Select(c => c.Value(row)).ToArray()));
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@rows";
        parameter.Value = json;
        command.Parameters.Add(parameter);
        return "SELECT " + string.Join(", ", columns.Select((_, i) => $"value ->> {i}")) + " FROM json_each(@rows) WHERE true";
    }

    // PostgreSQL: one typed array per column, zipped back into rows by unnest.
    private static string FromArrays<T>(DbCommand command, T[] rows, Column<T>[] columns)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var values = Array.CreateInstance(ElementType(columns[i].PostgresType), rows.Length);
            for (var row = 0; row < rows.Length; row++)
            {
                values.SetValue(columns[i].Value(rows[row]), row);
            }
            command.Parameters.Add(new NpgsqlParameter($"@c{i}", values));
        }
        return "SELECT * FROM unnest(" + string.Join(", ", columns.Select((c, i) => $"@c{i}::{c.PostgresType}[]")) + ")";
    }

    private static Type ElementType(string postgresType) => postgresType switch
    {
        "text" => typeof(string),
        "integer" => typeof(int),
        "bigint" => typeof(long),
        "timestamp with time zone" => typeof(DateTimeOffset),
        _ => throw new ArgumentOutOfRangeException(nameof(postgresType)),
    };

    /// <summary>A value as the column stores it (e.g. an enum as its snake_case name, a timestamp as ticks on SQLite).</summary>
    private static object Stored<TEntity>(IntegrationDbContext db, string property, object value) =>
        db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
}

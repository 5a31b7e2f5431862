using System.Data.Common;
using System.Text;
using Integration.Core.Events;
using Integration.Core.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Integration.Data;

/// <summary>
/// Multi-row statements for bulk paths where EF Core's one statement per row is the cost. Rows go in
/// chunks through one prepared command that is re-bound per chunk (the SQL is parsed once), with
/// values converted as the model stores them. They run in the caller's open transaction.
/// </summary>
public static class SetBasedWrites
{
    // Small enough that binding parameters by name (linear in SQLite) stays cheap, large enough to amortise a statement.
    private const int RowsPerStatement = 64;

    /// <summary>
    /// Writes stock levels' on-hand counts: a new level is inserted, an existing one updated only if it
    /// is still at the version read (<c>level.Version - 1</c>). Each row is found through the primary
    /// key (an upsert). Returns the rows written: fewer than given means another writer changed (or
    /// created) one meanwhile.
    /// </summary>
    public static Task<int> UpsertOnHandAsync(this IntegrationDbContext db, IReadOnlyList<StockLevel> levels, CancellationToken cancellationToken) =>
        ExecuteChunkedAsync(db,
            """INSERT INTO stock_levels ("LocationId", "Sku", "PartnerId", "Environment", "OnHand", "Reserved", "Version", "UpdatedAt") VALUES """,
            """
             ON CONFLICT ("LocationId", "Sku") DO UPDATE SET "OnHand" = excluded."OnHand", "Version" = excluded."Version", "UpdatedAt" = excluded."UpdatedAt"
             WHERE stock_levels."Version" = excluded."Version" - 1
            """,
            levels.Select(l => new object?[]
            {
                l.LocationId, l.Sku, l.PartnerId, Stored<StockLevel>(db, nameof(StockLevel.Environment), l.Environment), l.OnHand, l.Reserved, l.Version,
                Stored<StockLevel>(db, nameof(StockLevel.UpdatedAt), l.UpdatedAt),
            }).ToList(),
            cancellationToken);

    /// <summary>Inserts events (with their placeholder sequences; they are numbered at commit like any other).</summary>
    public static Task<int> InsertEventsAsync(this IntegrationDbContext db, IReadOnlyList<PartnerEvent> events, CancellationToken cancellationToken) =>
        ExecuteChunkedAsync(db,
            """INSERT INTO events ("Id", "PartnerId", "Environment", "Sequence", "Type", "SubjectId", "Data", "OccurredAt") VALUES """,
            "",
            events.Select(e => new object?[]
            {
                e.Id, e.PartnerId, Stored<PartnerEvent>(db, nameof(PartnerEvent.Environment), e.Environment), e.Sequence, e.Type, e.SubjectId, e.Data,
                Stored<PartnerEvent>(db, nameof(PartnerEvent.OccurredAt), e.OccurredAt),
            }).ToList(),
            cancellationToken);

    private static async Task<int> ExecuteChunkedAsync(
        IntegrationDbContext db, string head, string tail, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Set-based writes run inside the caller's transaction.");
        var columns = rows[0].Length;
        DbCommand? full = null;
        var written = 0;
        try
        {
            foreach (var chunk in rows.Chunk(RowsPerStatement))
            {
                var command = chunk.Length == RowsPerStatement ? full ??= Build(RowsPerStatement) : Build(chunk.Length);
                for (var row = 0; row < chunk.Length; row++)
                {
                    for (var column = 0; column < columns; column++)
                    {
                        command.Parameters[row * columns + column].Value = chunk[row][column] ?? DBNull.Value;
                    }
                }
                written += await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
        return written;

        DbCommand Build(int rowCount)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(head);
            for (var row = 0; row < rowCount; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns; column++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"@p{row * columns + column}";
                    command.Parameters.Add(parameter);
                    sql.Append(column == 0 ? "" : ", ").Append(parameter.ParameterName);
                }
                sql.Append(')');
            }
            command.CommandText = sql.Append(tail).ToString();
            return command;
        }
    }

    /// <summary>A value as the column stores it (e.g. an enum as its snake_case name, a timestamp as ticks on SQLite).</summary>
    private static object Stored<TEntity>(IntegrationDbContext db, string property, object value) =>
        db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
}

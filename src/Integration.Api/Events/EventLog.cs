using System.Text.Json;
using Integration.Api.Paging;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Events;

/// <summary>
/// Appends events in the transaction of the change they describe and reads a partner's events in
/// sequence order. The sequence comes from the partner's <see cref="EventStream"/> row, incremented
/// in that same transaction: its row lock orders concurrent writers, so sequence numbers are
/// gapless and a reader that sees number n also sees every number before it.
/// </summary>
public sealed class EventLog(IntegrationDbContext db)
{
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web);

    public async Task<PartnerEvent> AppendAsync(
        string partnerId, ApiEnvironment environment, string type, string subjectId, object data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Events are appended inside the transaction of the change they describe.");
        }
        var sequence = await NextSequenceAsync(partnerId, environment, cancellationToken);
        var appended = new PartnerEvent
        {
            Id = Ids.New("evt"), PartnerId = partnerId, Environment = environment, Sequence = sequence, Type = type, SubjectId = subjectId,
            Data = JsonSerializer.Serialize(data, DataJson), OccurredAt = now,
        };
        db.Events.Add(appended);
        db.AppendedEvents = true;
        return appended;
    }

    private async Task<long> NextSequenceAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken)
    {
        // One statement on both databases: creates the stream at 1 or moves it on by one, and locks its row.
        var next = await db.Database.SqlQueryRaw<long>(
            """
            INSERT INTO event_streams ("PartnerId", "Environment", "LastSequence") VALUES ({0}, {1}, 1)
            ON CONFLICT ("PartnerId", "Environment") DO UPDATE SET "LastSequence" = event_streams."LastSequence" + 1
            RETURNING "LastSequence" AS "Value"
            """, partnerId, SnakeCase.Of(environment)).ToListAsync(cancellationToken);
        return next.Single();
    }

    /// <summary>The caller's events after the cursor's sequence number, oldest first.</summary>
    public async Task<IReadOnlyList<PartnerEvent>> ListAsync(IReadOnlyCollection<string> types, PageQuery page, CancellationToken cancellationToken)
    {
        var query = db.Events.AsNoTracking();
        if (page.Cursor is not null)
        {
            var after = Cursor.DecodePosition(page.Cursor);
            query = query.Where(e => e.Sequence > after);
        }
        if (types.Count > 0)
        {
            query = query.Where(e => types.Contains(e.Type));
        }
        return await query.OrderBy(e => e.Sequence).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(PartnerEvent partnerEvent) => Cursor.Encode(partnerEvent.Sequence);

    /// <summary>Refuses event types the platform does not emit, naming them.</summary>
    public static IReadOnlyList<string> ParseTypes(IEnumerable<string?> values, string field)
    {
        var types = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        var unknown = types.Where(t => !EventTypes.IsKnown(t)).ToList();
        if (unknown.Count > 0)
        {
            throw DomainException.Invalid(field,
                $"Unknown event type(s): {string.Join(", ", unknown)}. Known types: {string.Join(", ", EventTypes.Descriptions.Keys)}.");
        }
        return types;
    }
}

using System.Text.Json;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Events;

/// <summary>
/// Appends events in the transaction of the change they describe and reads a partner's events in
/// sequence order. Sequence numbers are given just before the transaction commits (see
/// <see cref="UnsequencedEvents"/>); until then the row holds a negative placeholder.
/// </summary>
public sealed class EventLog(IntegrationDbContext db)
{
    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// For facts about the partner itself (its agreement, its status): an onboarding partner listens with sandbox
    /// credentials only, an active one with live ones too; both hear it.
    /// </summary>
    public void AppendInEveryEnvironment(string partnerId, string type, string subjectId, object data, DateTimeOffset now)
    {
        foreach (var environment in Enum.GetValues<ApiEnvironment>())
        {
            Append(partnerId, environment, type, subjectId, data, now);
        }
    }

    public PartnerEvent Append(string partnerId, ApiEnvironment environment, string type, string subjectId, object data, DateTimeOffset now)
    {
        var appended = Prepare(partnerId, environment, type, subjectId, data, now);
        db.Events.Add(appended);
        return appended;
    }

    /// <summary>An event of the open transaction, numbered at its commit, for the caller to insert itself (bulk paths).</summary>
    public PartnerEvent Prepare(string partnerId, ApiEnvironment environment, string type, string subjectId, object data, DateTimeOffset now)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Events are appended inside the transaction of the change they describe.");
        }
        return new PartnerEvent
        {
            Id = Ids.New("evt"), PartnerId = partnerId, Environment = environment, Sequence = db.UnsequencedEvents.NextPlaceholder(partnerId, environment),
            Type = type, SubjectId = subjectId, Data = JsonSerializer.Serialize(data, DataJson), OccurredAt = now,
        };
    }

    /// <summary>The caller's events after the cursor's sequence number, oldest first.</summary>
    public async Task<IReadOnlyList<PartnerEvent>> ListAsync(IReadOnlyCollection<string> types, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Events.AsNoTracking().Where(e => e.Sequence > 0);
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

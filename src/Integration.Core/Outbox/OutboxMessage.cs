using Integration.Core.Common;

namespace Integration.Core.Outbox;

/// <summary>
/// A business event written in the same transaction as the change it describes (transactional
/// outbox), so it can be delivered later and never lost. Webhook delivery reads these.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string Type { get; init; }
    public required string SubjectId { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }
}

using System.Text.Json;
using Integration.Core.Common;
using Integration.Core.Events;

namespace Integration.Application.Events;

/// <summary>
/// An event as <c>GET /v1/events</c> lists it and as webhooks deliver it. <c>sequence</c> numbers
/// your events in this environment without gaps: a jump means you missed one.
/// </summary>
public sealed record EventResponse(string Id, string Type, long Sequence, ApiEnvironment Environment, DateTimeOffset OccurredAt, JsonElement Data)
{
    public static EventResponse Of(PartnerEvent e)
    {
        using var data = JsonDocument.Parse(e.Data);
        return new EventResponse(e.Id, e.Type, e.Sequence, e.Environment, e.OccurredAt, data.RootElement.Clone());
    }
}

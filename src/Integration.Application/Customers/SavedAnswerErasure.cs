using System.Text.Json;
using System.Text.Json.Nodes;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Customers;

/// <summary>
/// Erasure's part in the saved answers of idempotent requests, which are replayed to retries for 24 hours: an order's
/// answer names its customer by the partner's id, so that id is taken out of every saved answer of the partner that
/// names it. A retry then gets the same order as a GET shows it after the erasure — not a second order.
/// </summary>
internal static class SavedAnswerErasure
{
    private const string Member = "customerExternalId";

    /// <summary>Changes the tracked saved answers; the caller's unit of work stores them with the rest of the erasure.</summary>
    public static async Task ForgetAsync(IntegrationDbContext db, string externalId, CancellationToken cancellationToken)
    {
        // Answers are written with the API's encoder, as the serializer's default one writes this id.
        var needle = $"\"{Member}\":{JsonSerializer.Serialize(externalId)}";
        var saved = await db.IdempotencyRecords.Where(r => r.ResponseBody != null && r.ResponseBody.Contains(needle)).ToListAsync(cancellationToken);
        foreach (var record in saved)
        {
            var answer = JsonNode.Parse(record.ResponseBody!)!;
            Remove(answer, externalId);
            record.ResponseBody = answer.ToJsonString();
        }
    }

    private static void Remove(JsonNode? node, string externalId)
    {
        switch (node)
        {
            case JsonObject members:
                if (members[Member] is JsonValue value && value.TryGetValue<string>(out var id) && id == externalId)
                {
                    members.Remove(Member);
                }
                foreach (var (_, child) in members.ToList())
                {
                    Remove(child, externalId);
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Remove(item, externalId);
                }
                break;
        }
    }
}

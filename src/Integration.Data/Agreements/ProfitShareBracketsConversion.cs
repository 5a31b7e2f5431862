using System.Text.Json;
using Integration.Core.Agreements;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Integration.Data.Agreements;

/// <summary>Profit-share brackets as one JSON text column: read and written whole, never queried.</summary>
internal static class ProfitShareBracketsConversion
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<IReadOnlyList<ProfitShareBracket>?> AsJson(this PropertyBuilder<IReadOnlyList<ProfitShareBracket>?> property) =>
        property.HasConversion(
            new ValueConverter<IReadOnlyList<ProfitShareBracket>?, string?>(
                brackets => brackets == null ? null : JsonSerializer.Serialize(brackets, Json),
                text => text == null ? null : JsonSerializer.Deserialize<List<ProfitShareBracket>>(text, Json)),
            new ValueComparer<IReadOnlyList<ProfitShareBracket>?>(
                (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                brackets => brackets == null ? 0 : brackets.Aggregate(0, (hash, b) => HashCode.Combine(hash, b)),
                brackets => brackets == null ? null : brackets.ToList()))
        .HasMaxLength(1000);
}

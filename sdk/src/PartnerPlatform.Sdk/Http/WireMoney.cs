using System.Globalization;

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// v2 money on the wire is a decimal string. The SDK's methods take <see cref="decimal"/> and write it as it is
/// (<c>3000m</c> → <c>"3000"</c>, <c>10.50m</c> → <c>"10.50"</c>): never rounded here, so a third decimal reaches
/// the platform and is refused there, naming the field.
/// </summary>
internal static class WireMoney
{
    public static string Of(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}

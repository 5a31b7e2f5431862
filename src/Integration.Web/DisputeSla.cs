using System.Globalization;
using Integration.Core.Disputes;
using Integration.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Integration.Web;

/// <summary>A dispute's SLA in words: the deadline and the breach are the dispute's own rule; only the words are the web's.</summary>
public static class DisputeSla
{
    public static string Text(IStringLocalizer<Text> text, Dispute dispute, DateTimeOffset now)
    {
        if (dispute.SlaDeadline is not { } deadline)
        {
            return text["NoSla"];
        }
        var left = deadline - (dispute.ResolvedAt ?? now);
        return dispute.SlaBreachedAt(now)
            ? string.Format(CultureInfo.CurrentCulture, text["Overdue"], Duration(text, -left))
            : string.Format(CultureInfo.CurrentCulture, text["TimeLeft"], Duration(text, left));
    }

    private static string Duration(IStringLocalizer<Text> text, TimeSpan span) =>
        string.Format(CultureInfo.CurrentCulture, text["HoursMinutes"], (int)span.TotalHours, span.Minutes);
}

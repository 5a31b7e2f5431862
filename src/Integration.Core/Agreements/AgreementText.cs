using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Integration.Core.Common;

namespace Integration.Core.Agreements;

/// <summary>
/// The canonical rendering of a version's documents: one line per term, in a fixed order and format, so that the
/// SHA-256 a signer signs can be recomputed from the archive at any time. The diff reads the same lines.
/// </summary>
public static class AgreementText
{
    private static readonly (string Field, Func<AgreementTerms, string?> Render)[] Fields =
    [
        ("cooperationMode", t => SnakeCase.Of(t.CooperationMode)),
        ("tier", t => SnakeCase.Of(t.Tier)),
        ("discountRate", t => Number(t.DiscountRate)),
        ("annualTarget", t => Amount(t.AnnualTarget)),
        ("annualPurchaseCommitment", t => Amount(t.AnnualPurchaseCommitment)),
        ("termMonths", t => t.TermMonths.ToString(CultureInfo.InvariantCulture)),
        ("exclusiveRegion", t => t.ExclusiveRegion),
        ("paymentTermDays", t => t.PaymentTermDays?.ToString(CultureInfo.InvariantCulture)),
        ("profitShareBrackets", t => t.ProfitShareBrackets is { } b
            ? string.Join("; ", b.Select(x => $"{Number(x.Rate)} up to {(x.UpTo is { } upTo ? Amount(upTo) : "no limit")}"))
            : null),
        ("effectiveFrom", t => t.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("effectiveTo", t => t.EffectiveTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The confidentiality supplement's clauses (domain.md › Security and records).</summary>
    public static readonly IReadOnlyList<string> ConfidentialityClauses =
    [
        "Data scope: the partner receives and keeps only the data its credentials' scopes grant, for the purpose of this agreement.",
        "Transport encryption: every data channel between the parties uses TLS.",
        "Graded access: each credential and each person holds only the access their task needs.",
        "Audit: every internal action and credential event is recorded in a tamper-evident audit log.",
    ];

    public static IReadOnlyList<TermChange> Diff(AgreementTerms before, AgreementTerms after) =>
        Fields.Select(f => new TermChange(f.Field, f.Render(before), f.Render(after))).Where(c => c.Before != c.After).ToList();

    public static string Render(AgreementVersion version, AgreementDocument document)
    {
        var text = new StringBuilder();
        text.Append("partner: ").Append(version.PartnerId).Append('\n');
        text.Append("version: ").Append(version.Number.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("document: ").Append(SnakeCase.Of(document)).Append('\n');
        if (document == AgreementDocument.Agreement)
        {
            foreach (var (field, render) in Fields)
            {
                text.Append(field).Append(": ").Append(render(version.Terms) ?? "default").Append('\n');
            }
        }
        else
        {
            foreach (var clause in ConfidentialityClauses)
            {
                text.Append("clause: ").Append(clause).Append('\n');
            }
        }
        return text.ToString();
    }

    public static string Sha256(AgreementVersion version, AgreementDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Render(version, document))));

    private static string? Number(decimal? value) => value?.ToString("0.######", CultureInfo.InvariantCulture);

    private static string? Amount(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);
}

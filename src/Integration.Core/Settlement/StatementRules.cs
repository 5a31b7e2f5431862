using Integration.Core.Agreements;
using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Core.Settlement;

/// <summary>An approved activity whose subsidy lands in the period it was approved in.</summary>
public sealed record SubsidyInput(string Id, string EventName, decimal Cost);

/// <summary>A dispute resolved in the period with an adjustment (partner's side: credit &gt; 0).</summary>
public sealed record AdjustmentInput(string DisputeId, decimal Amount, string Reason);

/// <summary>Everything a statement is computed from.</summary>
public sealed record StatementInputs(
    SettlementPeriod Period,
    PartnerTier Tier,
    CreditRating Rating,
    decimal? AnnualTarget,
    decimal DeliveredTotal,
    decimal ReturnedTotal,
    decimal NetSalesEarlierInYear,
    IReadOnlyList<SubsidyInput> Subsidies,
    IReadOnlyList<AdjustmentInput> Adjustments)
{
    /// <summary>The signed agreement's payment term; null: the rating's.</summary>
    public int? PaymentTermDays { get; init; }

    /// <summary>The signed agreement's profit-share brackets; null: domain.md's.</summary>
    public IReadOnlyList<ProfitShareBracket>? ProfitShareBrackets { get; init; }

    public decimal NetSales => DeliveredTotal - ReturnedTotal;
}

public sealed record ComputedLine(StatementLineKind Kind, decimal Amount, string Description, string? SourceId = null);

/// <summary>A statement's lines, balance and due date.</summary>
public sealed record ComputedStatement(IReadOnlyList<ComputedLine> Lines, decimal NetSales, decimal Balance, DateOnly? DueDate)
{
    /// <summary>What the partner owes the brand (0 when the brand owes the partner).</summary>
    public decimal AmountDue => Balance < 0 ? -Balance : 0m;
}

/// <summary>
/// The statement rules of domain.md › Settlement. Each line is rounded to 0.01 (midpoint away from
/// zero) on its own; the balance is the sum of the rounded lines.
/// </summary>
public static class StatementRules
{
    public const decimal DevelopmentFundRate = 0.01m;
    public const decimal SubsidyRate = 0.50m;
    public const decimal SubsidyCap = 50_000m;
    public const decimal AnnualBonusRate = 0.03m;
    public const decimal ExcessShareRate = 0.15m;

    public static decimal SubsidyFor(decimal cost) => Money.Round(Math.Min(cost * SubsidyRate, SubsidyCap));

    /// <summary>The yearly target bonus and excess share are measured against: the agreement's, else its commitment, else the tier's.</summary>
    public static decimal? AnnualTarget(Partner partner) =>
        partner.Agreement.AnnualTarget ?? partner.Agreement.AnnualPurchaseCommitment ?? TierDefaults.AnnualPurchaseCommitment(partner.Tier);

    public static ComputedStatement Compute(StatementInputs input)
    {
        var net = input.NetSales;
        var lines = new List<ComputedLine>
        {
            new(StatementLineKind.OrderCharges, Money.Round(-net),
                $"Net sales {input.Period}: delivered {input.DeliveredTotal:0.00} − returned {input.ReturnedTotal:0.00}"),
            new(StatementLineKind.ProfitShare, Money.Round(ProfitShare.ForPeriod(input.NetSalesEarlierInYear, net, input.ProfitShareBrackets)),
                $"Profit share on cumulative net sales {input.NetSalesEarlierInYear:0.00} → {input.NetSalesEarlierInYear + net:0.00}"),
            new(StatementLineKind.DevelopmentFund, Money.Round(-net * DevelopmentFundRate), "Joint development fund: 1% of net sales"),
        };
        lines.AddRange(input.Subsidies.Select(s => new ComputedLine(StatementLineKind.ActivitySubsidy, SubsidyFor(s.Cost),
            $"Activity subsidy: {s.EventName} (cost {s.Cost:0.00})", s.Id)));
        if (input.Period.IsDecember && input.AnnualTarget is { } target)
        {
            var yearNetSales = input.NetSalesEarlierInYear + net;
            if (yearNetSales >= target)
            {
                lines.Add(new(StatementLineKind.AnnualBonus, Money.Round(yearNetSales * AnnualBonusRate),
                    $"Annual bonus: 3% of {input.Period.Year} net sales {yearNetSales:0.00} (target {target:0.00})"));
            }
            if (input.Tier == PartnerTier.Strategic && yearNetSales > target)
            {
                lines.Add(new(StatementLineKind.ExcessShare, Money.Round((yearNetSales - target) * ExcessShareRate),
                    $"Excess share: 15% of {yearNetSales - target:0.00} above the annual target"));
            }
        }
        lines.AddRange(input.Adjustments.Select(a => new ComputedLine(StatementLineKind.DisputeAdjustment, Money.Round(a.Amount),
            $"Dispute {a.DisputeId} resolved: {a.Reason}", a.DisputeId)));

        var balance = lines.Sum(l => l.Amount);
        DateOnly? due = balance < 0 ? PaymentTerms.DueDate(input.Period, input.Rating, input.PaymentTermDays) : null;
        return new ComputedStatement(lines, net, balance, due);
    }
}

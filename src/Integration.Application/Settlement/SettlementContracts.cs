using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Partners;
using Integration.Core.Settlement;

namespace Integration.Application.Settlement;

/// <summary>A statement: a closed month (immutable), or the live preview of a month that has not closed (<c>status: open</c>, no id).</summary>
public sealed record StatementResponse(
    string? Id,
    string Period,
    StatementStatus Status,
    PartnerTier Tier,
    CreditRating CreditRating,
    MoneyAmount DeliveredTotal,
    MoneyAmount ReturnedTotal,
    MoneyAmount NetSales,
    MoneyAmount NetSalesEarlierInYear,
    MoneyAmount Balance,
    MoneyAmount HeldAmount,
    MoneyAmount AmountDue,
    DateOnly? DueDate,
    int DeliveredOrders,
    int ReturnedOrders,
    IReadOnlyList<StatementLineResponse> Lines,
    IReadOnlyList<PayoutResponse> Payouts,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? SettledAt)
{
    public static StatementResponse Closed(Statement s, IReadOnlyList<Payout> payouts, string? ordersUrl) => new(
        s.Id, s.Period, s.Status, s.Tier, s.CreditRating, M(s.DeliveredTotal, s.Currency), M(s.ReturnedTotal, s.Currency), M(s.NetSales, s.Currency),
        M(s.NetSalesEarlierInYear, s.Currency), M(s.Balance, s.Currency), M(s.HeldAmount, s.Currency), M(s.AmountDue, s.Currency), s.DueDate,
        s.DeliveredOrders, s.ReturnedOrders,
        [.. s.Lines.OrderBy(l => l.Number).Select(l => new StatementLineResponse(l.Id, l.Number, l.Kind, M(l.Amount, s.Currency), l.Description, l.SourceId,
            l.IsBasedOnOrders ? s.DeliveredOrders + s.ReturnedOrders : null, l.IsBasedOnOrders ? ordersUrl : null))],
        [.. payouts.Select(PayoutResponse.Of)], s.ClosedAt, s.PaidAt, s.SettledAt);

    public static StatementResponse Preview(StatementDraft d, string? ordersUrl)
    {
        var c = d.Computed;
        var orders = d.DeliveredOrders + d.ReturnedOrders;
        var number = 0;
        return new(null, d.Period.ToString(), StatementStatus.Open, d.Inputs.Tier, d.Inputs.Rating, M(d.Inputs.DeliveredTotal), M(d.Inputs.ReturnedTotal),
            M(c.NetSales), M(d.Inputs.NetSalesEarlierInYear), M(c.Balance), M(0m), M(c.AmountDue), c.DueDate, d.DeliveredOrders, d.ReturnedOrders,
            [.. c.Lines.Select(l => new StatementLineResponse(null, ++number, l.Kind, M(l.Amount), l.Description, l.SourceId,
                StatementLine.BasedOnOrders(l.Kind) ? orders : null, StatementLine.BasedOnOrders(l.Kind) ? ordersUrl : null))],
            [], null, null, null);
    }

    private static MoneyAmount M(decimal amount, string currency = Money.DefaultCurrency) => MoneyAmount.Of(amount, currency);
}

/// <summary>
/// One statement line; <c>amount</c> is from your side: positive = the brand owes you (credit),
/// negative = you owe the brand (debit). Lines computed from the month's orders name them through <c>ordersUrl</c>.
/// </summary>
public sealed record StatementLineResponse(
    string? Id, int Number, StatementLineKind Kind, MoneyAmount Amount, string Description, string? SourceId, int? OrderCount, string? OrdersUrl);

/// <summary>Money paid out to you for a statement, or held back by an open dispute.</summary>
public sealed record PayoutResponse(string Id, MoneyAmount Amount, PayoutStatus Status, string? DisputeId, DateTimeOffset? PaidAt)
{
    public static PayoutResponse Of(Payout p) => new(p.Id, MoneyAmount.Of(p.Amount, p.Currency), p.Status, p.DisputeId, p.PaidAt);
}

public enum StatementOrderKind
{
    /// <summary>Delivered in the month: adds to net sales.</summary>
    Delivered,

    /// <summary>Returned in the month: subtracts from net sales.</summary>
    Returned,
}

/// <summary>An order behind a statement: its effect on the month's net sales (<c>amount</c> is negative for a return).</summary>
public sealed record StatementOrderResponse(string OrderId, string Reference, StatementOrderKind Kind, DateTimeOffset OccurredAt, MoneyAmount Amount);

/// <summary>Closes a month for every partner of an environment, or for one partner.</summary>
public sealed record CloseSettlementRequest
{
    /// <summary>The month to close, <c>YYYY-MM</c>; it must have ended.</summary>
    [RegularExpression(ContractPatterns.Period, ErrorMessage = "period must be a month written YYYY-MM, e.g. 2026-03.")]
    public required string Period { get; init; }

    public required ApiEnvironment Environment { get; init; }

    /// <summary>Close for this partner only (the others close on schedule).</summary>
    [Identifier]
    [StringLength(ContractLimits.Id)]
    public string? PartnerId { get; init; }
}

public sealed record CloseSettlementResponse(string Period, ApiEnvironment Environment, int Closed, int AlreadyClosed);

/// <summary>An activity (launch event, campaign) an internal team approved for subsidy.</summary>
public sealed record RecordSubsidyRequest
{
    public required ApiEnvironment Environment { get; init; }

    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string EventName { get; init; }

    /// <summary>The activity's approved cost; the subsidy is 50% of it, at most 50,000.</summary>
    [Range(typeof(decimal), "0.01", "1000000000", ErrorMessage = "cost must be above 0 and at most 1,000,000,000.")]
    public required decimal Cost { get; init; }
}

/// <summary>An approved activity subsidy: 50% of the cost, at most 50,000, credited on the statement of its month.</summary>
/// <param name="Id">The subsidy's id (<c>sub_…</c>).</param>
/// <param name="PartnerId">The partner it was approved for.</param>
/// <param name="Environment">The environment it counts in.</param>
/// <param name="EventName">The activity.</param>
/// <param name="Cost">The activity's approved cost.</param>
/// <param name="Subsidy">What the brand credits: 50% of the cost, at most 50,000.</param>
/// <param name="Period">The month whose statement credits it (<c>YYYY-MM</c>).</param>
/// <param name="ApprovedAt">When it was approved (UTC): the month whose statement credits it.</param>
public sealed record SubsidyResponse(string Id, string PartnerId, ApiEnvironment Environment, string EventName, MoneyAmount Cost, MoneyAmount Subsidy, string Period, DateTimeOffset ApprovedAt)
{
    public static SubsidyResponse Of(ActivitySubsidy s) => new(s.Id, s.PartnerId, s.Environment, s.EventName, MoneyAmount.Of(s.Cost, Money.DefaultCurrency),
        MoneyAmount.Of(s.Subsidy, Money.DefaultCurrency), SettlementPeriod.Of(s.ApprovedAt).ToString(), s.ApprovedAt);
}

/// <summary>Money received from the partner for a statement's amount due.</summary>
public sealed record RecordPaymentRequest
{
    [Range(typeof(decimal), "0.01", "1000000000000", ErrorMessage = "amount must be above 0.")]
    public required decimal Amount { get; init; }
}

/// <summary>Debit and credit totals per ledger account; <c>balanced</c> is true when total debits equal total credits.</summary>
public sealed record TrialBalanceResponse(ApiEnvironment? Environment, IReadOnlyList<TrialBalanceAccount> Accounts, MoneyAmount TotalDebits, MoneyAmount TotalCredits, bool Balanced);

public sealed record TrialBalanceAccount(LedgerAccount Account, MoneyAmount Debits, MoneyAmount Credits, MoneyAmount Balance);

/// <summary>A payout as internal teams see it, with its attempts.</summary>
public sealed record AdminPayoutResponse(
    string Id, string PartnerId, ApiEnvironment Environment, string StatementId, string? DisputeId, MoneyAmount Amount, PayoutStatus Status,
    int Attempts, string? LastError, DateTimeOffset NextAttemptAt, string? GatewayPayoutId, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt)
{
    public static AdminPayoutResponse Of(Payout p) => new(p.Id, p.PartnerId, p.Environment, p.StatementId, p.DisputeId, MoneyAmount.Of(p.Amount, p.Currency),
        p.Status, p.Attempts, p.LastError, p.NextAttemptAt, p.GatewayPayoutId, p.CreatedAt, p.PaidAt);
}

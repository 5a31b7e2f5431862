using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Disputes;

namespace Integration.Application.Disputes;

/// <summary>Disputes an order, or a line of a closed statement, for an amount.</summary>
public sealed record OpenDisputeRequest
{
    /// <summary>The order disputed. Give either this or <c>statementLineId</c>.</summary>
    [Identifier]
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public string? OrderId { get; init; }

    /// <summary>The line of one of your closed statements disputed (<c>stl_…</c>). Give either this or <c>orderId</c>.</summary>
    [Identifier]
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public string? StatementLineId { get; init; }

    /// <summary>The disputed amount: above 0, at most the order total or the line's amount, two decimals at most. It decides the level.</summary>
    public required decimal Amount { get; init; }

    [StringLength(ContractLimits.DisputeReason, MinimumLength = 1)]
    public required string Reason { get; init; }
}

/// <summary>Disputes an order, or a line of a closed statement, for an amount given as a decimal string.</summary>
public sealed record OpenDisputeRequestV2
{
    /// <summary>The order disputed. Give either this or <c>statementLineId</c>.</summary>
    [Identifier]
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public string? OrderId { get; init; }

    /// <summary>The line of one of your closed statements disputed (<c>stl_…</c>). Give either this or <c>orderId</c>.</summary>
    [Identifier]
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public string? StatementLineId { get; init; }

    /// <summary>The disputed amount, at most the order total or the line's amount. It decides the level.</summary>
    [DecimalString(ContractLimits.Amount)]
    public required decimal Amount { get; init; }

    [StringLength(ContractLimits.DisputeReason, MinimumLength = 1)]
    public required string Reason { get; init; }

    public OpenDisputeRequest AsShared() => new() { OrderId = OrderId, StatementLineId = StatementLineId, Amount = Amount, Reason = Reason };
}

/// <summary>How internal teams resolve a dispute.</summary>
public sealed record ResolveDisputeRequest
{
    public required DisputeStatus Outcome { get; init; }

    /// <summary>For <c>accepted</c>: the adjustment from the partner's side (credit &gt; 0, debit &lt; 0), on the statement of this month.</summary>
    public decimal? Adjustment { get; init; }

    [StringLength(ContractLimits.DisputeReason, MinimumLength = 1)]
    public required string Note { get; init; }
}

/// <summary>How the brand's handler resolves a dispute, the adjustment given as a decimal string.</summary>
public sealed record ResolveDisputeRequestV2
{
    public required DisputeStatus Outcome { get; init; }

    /// <summary>For <c>accepted</c>: the adjustment from the partner's side (credit above 0, debit below 0), on the statement of this month; left out for <c>rejected</c>.</summary>
    [DecimalString(ContractLimits.Amount, Signed = true)]
    public decimal? Adjustment { get; init; }

    [StringLength(ContractLimits.DisputeReason, MinimumLength = 1)]
    public required string Note { get; init; }

    public ResolveDisputeRequest AsShared() => new() { Outcome = Outcome, Adjustment = Adjustment, Note = Note };
}

/// <summary>A dispute, its level, who handles it, its deadline and its history.</summary>
public sealed record DisputeResponse(
    string Id, string? OrderId, string? StatementId, string? StatementLineId, MoneyAmount Amount, string Reason, int Level, DisputeAssignee Assignee,
    DateTimeOffset? SlaDeadline, bool SlaBreached, bool FreezesAccount, DisputeStatus Status, MoneyAmount? Adjustment, string? Resolution,
    DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, IReadOnlyList<DisputeHistoryResponse> History)
{
    public static DisputeResponse Of(Dispute d, DateTimeOffset now) => new(
        d.Id, d.OrderId, d.StatementId, d.StatementLineId, MoneyAmount.Of(d.Amount, d.Currency), d.Reason, d.Level, d.Assignee, d.SlaDeadline,
        d.SlaBreachedAt(now), d.FreezesAccount, d.Status, d.Adjustment is { } a ? MoneyAmount.Of(a, d.Currency) : null, d.Resolution,
        d.OpenedAt, d.ResolvedAt, [.. d.History.OrderBy(h => h.Number).Select(h => new DisputeHistoryResponse(h.At, h.Action, h.Actor, h.Note))]);
}

/// <summary>One step in a dispute's history: opened, accepted or rejected.</summary>
public sealed record DisputeHistoryResponse(DateTimeOffset At, string Action, string Actor, string? Note);

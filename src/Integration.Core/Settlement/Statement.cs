using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Core.Settlement;

public enum StatementStatus
{
    /// <summary>The period has not closed: the statement is a live preview and may still change.</summary>
    Open,

    /// <summary>Closed and immutable; a payout is on its way, or an amount is due from the partner.</summary>
    Closed,

    /// <summary>The brand paid the balance out to the partner.</summary>
    Paid,

    /// <summary>Nothing is left to pay either way: a zero balance, or the partner paid the amount due.</summary>
    Settled,
}

/// <summary>A partner's closed statement for one month in one environment. Never changes once closed, except its payment status.</summary>
public sealed class Statement : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }

    /// <summary>The month, <c>2026-03</c>.</summary>
    public required string Period { get; init; }

    public StatementStatus Status { get; private set; } = StatementStatus.Closed;
    public string Currency { get; init; } = Money.DefaultCurrency;
    public PartnerTier Tier { get; init; }
    public CreditRating CreditRating { get; init; }
    public decimal DeliveredTotal { get; init; }
    public decimal ReturnedTotal { get; init; }
    public int DeliveredOrders { get; init; }
    public int ReturnedOrders { get; init; }
    public decimal NetSalesEarlierInYear { get; init; }
    public decimal Balance { get; init; }

    /// <summary>Held back from the payout by disputes open when the statement closed.</summary>
    public decimal HeldAmount { get; init; }
    public DateOnly? DueDate { get; init; }
    public List<StatementLine> Lines { get; init; } = [];
    public DateTimeOffset ClosedAt { get; init; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public decimal AmountReceived { get; private set; }

    public decimal NetSales => DeliveredTotal - ReturnedTotal;

    public decimal AmountDue => Balance < 0 ? -Balance : 0m;

    public static Statement Close(
        string partnerId, ApiEnvironment environment, SettlementPeriod period, StatementInputs inputs, ComputedStatement computed,
        int deliveredOrders, int returnedOrders, decimal held, DateTimeOffset now)
    {
        var statement = new Statement
        {
            Id = Ids.New("stm"), PartnerId = partnerId, Environment = environment, Period = period.ToString(),
            Tier = inputs.Tier, CreditRating = inputs.Rating, DeliveredTotal = inputs.DeliveredTotal, ReturnedTotal = inputs.ReturnedTotal,
            DeliveredOrders = deliveredOrders, ReturnedOrders = returnedOrders, NetSalesEarlierInYear = inputs.NetSalesEarlierInYear,
            Balance = computed.Balance, HeldAmount = held, DueDate = computed.DueDate, ClosedAt = now,
            Lines = [.. computed.Lines.Select((l, i) => new StatementLine
            {
                Id = Ids.New("stl"), Number = i + 1, Kind = l.Kind, Amount = l.Amount, Description = l.Description, SourceId = l.SourceId,
            })],
        };
        if (computed.Balance == 0)
        {
            statement.Status = StatementStatus.Settled;
            statement.SettledAt = now;
        }
        return statement;
    }

    public void MarkPaid(DateTimeOffset now)
    {
        Status = StatementStatus.Paid;
        PaidAt = now;
    }

    /// <summary>Records money received from the partner for an amount due; settles the statement once it is all in.</summary>
    public void ReceivePayment(decimal amount, DateTimeOffset now)
    {
        if (Status != StatementStatus.Closed || AmountDue == 0)
        {
            throw new DomainException(ErrorKind.Conflict, "nothing_due", $"Statement {Id} has no amount due from the partner.");
        }
        if (amount <= 0 || AmountReceived + amount > AmountDue)
        {
            throw DomainException.Invalid("amount", $"The amount must be above 0 and at most the {AmountDue - AmountReceived:0.00} still due.");
        }
        AmountReceived += amount;
        if (AmountReceived == AmountDue)
        {
            Status = StatementStatus.Settled;
            SettledAt = now;
        }
    }
}

/// <summary>One line of a statement, rounded to 0.01 on its own. Credit (brand owes partner) &gt; 0.</summary>
public sealed class StatementLine
{
    public required string Id { get; init; }
    public int Number { get; init; }
    public StatementLineKind Kind { get; init; }
    public decimal Amount { get; init; }
    public required string Description { get; init; }

    /// <summary>The activity subsidy or dispute the line comes from.</summary>
    public string? SourceId { get; init; }

    /// <summary>Lines computed from the period's delivered and returned orders.</summary>
    public bool IsBasedOnOrders => BasedOnOrders(Kind);

    public static bool BasedOnOrders(StatementLineKind kind) =>
        kind is StatementLineKind.OrderCharges or StatementLineKind.ProfitShare or StatementLineKind.DevelopmentFund;
}

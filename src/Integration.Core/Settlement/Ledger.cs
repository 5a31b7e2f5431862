namespace Integration.Core.Settlement;

/// <summary>The double-entry accounts statement lines and payouts post to.</summary>
public enum LedgerAccount
{
    /// <summary>What partners owe the brand.</summary>
    PartnerReceivable,

    /// <summary>What the brand owes partners.</summary>
    PartnerPayable,
    Sales,
    ProfitShareExpense,
    DevelopmentFund,
    SubsidyExpense,
    RebateExpense,
    DisputeAdjustments,

    /// <summary>Money that left or reached the brand's bank account.</summary>
    Bank,
}

/// <summary>One side of a posting. A posting's entries share a journal id; its debits equal its credits.</summary>
public sealed class LedgerEntry
{
    public long Id { get; init; }
    public required string JournalId { get; init; }
    public required string PartnerId { get; init; }
    public Common.ApiEnvironment Environment { get; init; }
    public LedgerAccount Account { get; init; }
    public decimal Debit { get; init; }
    public decimal Credit { get; init; }
    public required string Memo { get; init; }
    public DateTimeOffset PostedAt { get; init; }
}

/// <summary>How each kind of movement posts. A credit line (brand owes partner) lands in partner payable, a debit line in partner receivable.</summary>
public static class Postings
{
    public static LedgerAccount CounterAccount(StatementLineKind kind) => kind switch
    {
        StatementLineKind.OrderCharges => LedgerAccount.Sales,
        StatementLineKind.ProfitShare => LedgerAccount.ProfitShareExpense,
        StatementLineKind.DevelopmentFund => LedgerAccount.DevelopmentFund,
        StatementLineKind.ActivitySubsidy => LedgerAccount.SubsidyExpense,
        StatementLineKind.AnnualBonus or StatementLineKind.ExcessShare => LedgerAccount.RebateExpense,
        StatementLineKind.DisputeAdjustment => LedgerAccount.DisputeAdjustments,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The two balanced entries of one statement line; none for a zero line.</summary>
    public static IEnumerable<LedgerEntry> ForLine(Statement statement, StatementLine line)
    {
        if (line.Amount == 0)
        {
            return [];
        }
        var counter = CounterAccount(line.Kind);
        var (debit, credit) = line.Amount > 0 ? (counter, LedgerAccount.PartnerPayable) : (LedgerAccount.PartnerReceivable, counter);
        return Pair(statement.Id, statement.PartnerId, statement.Environment, debit, credit, Math.Abs(line.Amount),
            $"{statement.Period} {Common.SnakeCase.Of(line.Kind)}", statement.ClosedAt);
    }

    /// <summary>A payout to the partner: the payable is cleared from the bank.</summary>
    public static IEnumerable<LedgerEntry> ForPayout(Payout payout, DateTimeOffset now) =>
        Pair(payout.Id, payout.PartnerId, payout.Environment, LedgerAccount.PartnerPayable, LedgerAccount.Bank, payout.Amount,
            $"payout of statement {payout.StatementId}", now);

    /// <summary>Money received from the partner for an amount due.</summary>
    public static IEnumerable<LedgerEntry> ForReceipt(Statement statement, decimal amount, DateTimeOffset now) =>
        Pair($"{statement.Id}:receipt:{now.ToUnixTimeMilliseconds()}", statement.PartnerId, statement.Environment,
            LedgerAccount.Bank, LedgerAccount.PartnerReceivable, amount, $"payment received for statement {statement.Id}", now);

    private static LedgerEntry[] Pair(
        string journalId, string partnerId, Common.ApiEnvironment environment, LedgerAccount debit, LedgerAccount credit, decimal amount, string memo, DateTimeOffset now) =>
    [
        new() { JournalId = journalId, PartnerId = partnerId, Environment = environment, Account = debit, Debit = amount, Memo = memo, PostedAt = now },
        new() { JournalId = journalId, PartnerId = partnerId, Environment = environment, Account = credit, Credit = amount, Memo = memo, PostedAt = now },
    ];
}

using Integration.Core.Common;

namespace Integration.Core.Settlement;

public enum PayoutStatus
{
    /// <summary>Held back by an open dispute; released (made pending) when the dispute is resolved.</summary>
    Held,

    /// <summary>Waiting to be sent, or to be retried after a failed attempt.</summary>
    Pending,

    /// <summary>The gateway confirmed the payment.</summary>
    Paid,

    /// <summary>Every attempt failed; internal teams must look and retry.</summary>
    NeedsAttention,
}

/// <summary>
/// Money the brand sends a partner for a closed statement, through the bank gateway. Its
/// idempotency key is fixed when it is created, so the gateway can never pay it twice.
/// </summary>
public sealed class Payout : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string StatementId { get; init; }

    /// <summary>For a held amount: the dispute holding it.</summary>
    public string? DisputeId { get; init; }

    /// <summary>The gateway's idempotency key: the statement id for the statement's payout, statement:dispute for a held amount.</summary>
    public required string IdempotencyKey { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = Money.DefaultCurrency;
    public PayoutStatus Status { get; set; }
    /// <summary>Failed attempts since the payout was created or an internal team retried it.</summary>
    public int Attempts { get; set; }

    /// <summary>Once a request may have reached the gateway, every later attempt asks the gateway by key before sending again.</summary>
    public bool Sent { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public string? GatewayPayoutId { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>Bumped on every change: a conditional save fences out an instance whose lease ran out.</summary>
    public int Version { get; set; }

    public static Payout For(Statement statement, decimal amount, string? disputeId, DateTimeOffset now) => new()
    {
        Id = Ids.New("pay"), PartnerId = statement.PartnerId, Environment = statement.Environment, StatementId = statement.Id,
        DisputeId = disputeId, IdempotencyKey = disputeId is null ? statement.Id : $"{statement.Id}:{disputeId}",
        Amount = amount, Currency = statement.Currency, Status = disputeId is null ? PayoutStatus.Pending : PayoutStatus.Held,
        NextAttemptAt = now, CreatedAt = now,
    };
}

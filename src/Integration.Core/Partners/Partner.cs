using Integration.Core.Common;

namespace Integration.Core.Partners;

/// <summary>A distributor, exclusive agent or co-brand partner of the brand (domain.md › Partners).</summary>
public sealed class Partner
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public PartnerTier Tier { get; set; }
    public CreditRating CreditRating { get; set; }
    public CooperationMode CooperationMode { get; init; }
    public required string RegionCode { get; set; }
    public string? ParentPartnerId { get; init; }

    /// <summary>Set on the peers seeded into a partner's sandbox: they exist only there and never get credentials.</summary>
    public string? SandboxOwnerId { get; init; }
    /// <summary>Set at creation (<c>onboarding</c> for a partner created from an application), then moved by <see cref="ChangeStatus"/>.</summary>
    public PartnerStatus Status { get => _status; init => _status = value; }

    private PartnerStatus _status = PartnerStatus.Active;
    public PartnerAgreement Agreement { get; set; } = new();
    public string? BusinessLicenceNumber { get; set; }
    public DateOnly? QualificationVerifiedOn { get; set; }
    public DateOnly? ExitDate { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Increments on every change; the ETag of the admin resource.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Live credentials need the business licence number and the date qualification was verified.</summary>
    public bool IsQualified =>
        !string.IsNullOrWhiteSpace(BusinessLicenceNumber) && QualificationVerifiedOn is not null;

    public decimal EffectiveDiscount => Agreement.DiscountRate ?? TierDefaults.Discount(Tier);

    /// <summary>Exiting partners keep a three-month buffer from the exit date for existing business.</summary>
    public DateOnly? ExitBufferEndsOn => ExitDate?.AddMonths(3);

    /// <summary>Moves the status along the partner lifecycle; the caller records the change with <see cref="Touch"/>.</summary>
    public void ChangeStatus(PartnerStatus target, DateOnly? exitDate)
    {
        if (!PartnerStatusMachine.CanMove(Status, target))
        {
            throw new DomainException(ErrorKind.Conflict, "invalid_transition",
                $"A partner cannot move from '{SnakeCase.Of(Status)}' to '{SnakeCase.Of(target)}'.");
        }
        if (target == PartnerStatus.Exiting)
        {
            ExitDate = exitDate ?? throw DomainException.Invalid("exitDate", "Moving a partner to 'exiting' needs an exit date.");
        }
        _status = target;
    }

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

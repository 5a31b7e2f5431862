using Integration.Core.Common;

namespace Integration.Core.Agreements;

/// <summary>
/// One negotiation round of a partner's agreement. A draft is editable until its first signature; once the
/// agreement and the confidentiality supplement carry both sides' signatures the version is signed and never changes.
/// </summary>
public sealed class AgreementVersion
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }

    /// <summary>1, 2, 3 … per partner.</summary>
    public required int Number { get; init; }

    public AgreementStatus Status { get; private set; } = AgreementStatus.Draft;
    public AgreementOrigin Origin { get; init; } = AgreementOrigin.Negotiated;
    public required AgreementTerms Terms { get; set; }
    public List<AgreementSignature> Signatures { get; init; } = [];
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>Both documents signed by both sides.</summary>
    public bool IsFullySigned =>
        Enum.GetValues<AgreementDocument>().All(d => Enum.GetValues<SigningSide>().All(s => Signatures.Any(x => x.Document == d && x.Side == s)));

    public void Edit(AgreementTerms terms, DateTimeOffset now)
    {
        EnsureDraft();
        if (Signatures.Count > 0)
        {
            throw new DomainException(ErrorKind.Conflict, "agreement_signing_started",
                $"Version {Number} already carries signatures; its terms cannot change. Draft a new version instead.");
        }
        Terms = terms;
        UpdatedAt = now;
    }

    /// <summary>Records a signature; the caller checks that this version is the latest draft.</summary>
    public void AddSignature(AgreementSignature signature)
    {
        EnsureDraft();
        if (Signatures.Any(s => s.Document == signature.Document && s.Side == signature.Side))
        {
            throw new DomainException(ErrorKind.Conflict, "already_signed",
                $"The {SnakeCase.Of(signature.Side)} side already signed the {SnakeCase.Of(signature.Document)} of version {Number}.");
        }
        Signatures.Add(signature);
        UpdatedAt = signature.SignedAt;
    }

    public void MarkSigned(DateTimeOffset now)
    {
        Status = AgreementStatus.Signed;
        SignedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A later draft supersedes an earlier one; a later signed version replaces the signed one.</summary>
    public void Retire(DateTimeOffset now)
    {
        Status = Status == AgreementStatus.Signed ? AgreementStatus.Replaced : AgreementStatus.Superseded;
        UpdatedAt = now;
    }

    private void EnsureDraft()
    {
        if (Status is AgreementStatus.Signed or AgreementStatus.Replaced)
        {
            throw new DomainException(ErrorKind.Conflict, "agreement_signed",
                $"Version {Number} is signed and archived; it never changes. Corrections are a new version.");
        }
        if (Status != AgreementStatus.Draft)
        {
            throw new DomainException(ErrorKind.Conflict, "agreement_not_latest_draft",
                $"Version {Number} was superseded by a later version; only the latest draft can be edited or signed.");
        }
    }

    public static AgreementVersion Recorded(string partnerId, int number, AgreementTerms terms, string actor, DateTimeOffset now)
    {
        var version = new AgreementVersion
        {
            Id = Ids.New("agv"), PartnerId = partnerId, Number = number, Origin = AgreementOrigin.Recorded,
            Terms = terms, CreatedBy = actor, CreatedAt = now,
        };
        version.MarkSigned(now);
        return version;
    }
}

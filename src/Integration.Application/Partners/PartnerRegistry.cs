using Integration.Application.Audit;
using Integration.Application.Credentials;
using Integration.Core.Agreements;
using Integration.Core.Common;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Partners;

/// <summary>Registers and changes partners, each change with its audit entry in one transaction.</summary>
public sealed class PartnerRegistry(IntegrationDbContext db, AuditLog audit, PartnerSnapshots snapshots, CredentialIssuer credentials, TimeProvider clock)
{
    private const string ExclusiveAgentIndex = "ux_partners_active_exclusive_agent_per_region";
    private const string ExclusiveAgentSqliteColumns = "partners.RegionCode";

    /// <summary>Registers a partner; one created from an application (or negotiating here) starts in <see cref="PartnerStatus.Onboarding"/>.</summary>
    public async Task<Partner> CreateAsync(CreatePartnerRequest request, string actor, CancellationToken cancellationToken)
    {
        var onboarding = request.Status == PartnerStatus.Onboarding;
        if (request.Status is { } requested && requested is not (PartnerStatus.Active or PartnerStatus.Onboarding))
        {
            throw DomainException.Invalid("status", "A partner is registered 'active' (its agreement signed elsewhere) or 'onboarding' (negotiating here).");
        }
        if (onboarding && request.Agreement is not null)
        {
            throw DomainException.Invalid("agreement", "An onboarding partner's terms are negotiated as agreement versions, not set on registration.");
        }
        var agreement = request.Agreement?.ToAgreement() ?? new PartnerAgreement();
        PartnerRegistration.CheckAgreement(request.Tier, agreement);
        if (request.ParentPartnerId is { } parentId)
        {
            var parent = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == parentId, cancellationToken);
            PartnerRegistration.CheckParent(parent, parentId, request.RegionCode);
        }

        var now = clock.UtcNow();
        var partner = new Partner
        {
            Id = Ids.New("ptn"),
            Name = request.Name.Trim(),
            Tier = request.Tier,
            CreditRating = request.CreditRating,
            CooperationMode = request.CooperationMode,
            RegionCode = request.RegionCode,
            ParentPartnerId = request.ParentPartnerId,
            Agreement = agreement,
            BusinessLicenceNumber = request.BusinessLicenceNumber?.Trim(),
            QualificationVerifiedOn = request.QualificationVerifiedOn,
            Status = onboarding ? PartnerStatus.Onboarding : PartnerStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };

        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await EnsureNoOtherActiveExclusiveAgentAsync(partner, cancellationToken);
        db.Partners.Add(partner);
        if (!onboarding)
        {
            await RecordAgreementAsync(partner, actor, cancellationToken);
        }
        await audit.AppendAsync(new AuditRecord(actor, "partner.created", partner.Id,
            Details: new { partner.Name, tier = SnakeCase.Of(partner.Tier), partner.RegionCode, mode = SnakeCase.Of(partner.CooperationMode), status = SnakeCase.Of(partner.Status) }), cancellationToken);
        await SaveAsync(partner, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return partner;
    }

    public async Task<Partner> UpdateAsync(Partner partner, UpdatePartnerRequest request, string actor, CancellationToken cancellationToken)
    {
        if (partner.Status == PartnerStatus.Onboarding)
        {
            EnsureOnboardingChangeAllowed(request);
        }
        var now = clock.UtcNow();
        var tier = request.Tier ?? partner.Tier;
        var agreement = request.Agreement?.ToAgreement() ?? partner.Agreement;
        PartnerRegistration.CheckAgreement(tier, agreement);
        if (request.RegionCode is { } region && region != partner.RegionCode && partner.ParentPartnerId is { } parentId)
        {
            var parent = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == parentId, cancellationToken);
            PartnerRegistration.CheckParent(parent, parentId, region);
        }

        partner.Name = request.Name?.Trim() ?? partner.Name;
        partner.Tier = tier;
        partner.CreditRating = request.CreditRating ?? partner.CreditRating;
        partner.RegionCode = request.RegionCode ?? partner.RegionCode;
        if (request.Agreement is not null)
        {
            // Values the PATCH cannot name stay as the signed agreement has them.
            agreement.VersionId = partner.Agreement.VersionId;
            agreement.PaymentTermDays = partner.Agreement.PaymentTermDays;
            agreement.ProfitShareBrackets = partner.Agreement.ProfitShareBrackets;
        }
        partner.Agreement = agreement;
        partner.BusinessLicenceNumber = request.BusinessLicenceNumber?.Trim() ?? partner.BusinessLicenceNumber;
        partner.QualificationVerifiedOn = request.QualificationVerifiedOn ?? partner.QualificationVerifiedOn;
        if (request.Status is { } status && status != partner.Status)
        {
            partner.ChangeStatus(status, request.ExitDate);
        }
        partner.Touch(now);

        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await EnsureNoOtherActiveExclusiveAgentAsync(partner, cancellationToken);
        if ((request.Agreement is not null || request.Tier is not null) && partner.Status != PartnerStatus.Onboarding)
        {
            await RecordAgreementAsync(partner, actor, cancellationToken);
        }
        await audit.AppendAsync(new AuditRecord(actor, "partner.updated", partner.Id, Details: request), cancellationToken);
        await SaveAsync(partner, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        snapshots.Forget(partner.Id);
        return partner;
    }

    /// <summary>
    /// Freezes (its orders, stock changes and transfers are refused; reads keep working) or lifts the freeze (active again);
    /// the admin API and the console both come here, so both leave the same audit entry.
    /// </summary>
    public async Task<Partner> SetFrozenAsync(string id, bool frozen, string actor, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw DomainException.NotFound("partner", id);
        return await UpdateAsync(partner, new UpdatePartnerRequest { Status = frozen ? PartnerStatus.Frozen : PartnerStatus.Active }, actor, cancellationToken);
    }

    /// <summary>An onboarding partner's terms and activation come from signing its agreement, not from the record.</summary>
    private static void EnsureOnboardingChangeAllowed(UpdatePartnerRequest request)
    {
        if (request.Status == PartnerStatus.Active)
        {
            throw new DomainException(ErrorKind.Conflict, "invalid_transition",
                "An onboarding partner becomes active when both sides have signed its agreement, not by a status change.");
        }
        if (request.Agreement is not null)
        {
            throw DomainException.Invalid("agreement", "An onboarding partner's terms are negotiated as agreement versions, not set on the record.");
        }
    }

    /// <summary>
    /// Terms set on the partner record by an internal team are archived as a signed, recorded version, so the partner's
    /// numbers are always its latest signed version's.
    /// </summary>
    private async Task RecordAgreementAsync(Partner partner, string actor, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        await RetireSignedAgreementAsync(partner, now, cancellationToken);
        var number = await NextAgreementNumberAsync(partner.Id, cancellationToken);
        var terms = new AgreementTerms
        {
            CooperationMode = partner.CooperationMode,
            Tier = partner.Tier,
            DiscountRate = partner.Agreement.DiscountRate,
            AnnualTarget = partner.Agreement.AnnualTarget,
            AnnualPurchaseCommitment = partner.Agreement.AnnualPurchaseCommitment,
            TermMonths = AgreementRules.DefaultTerm(partner.Tier),
            ExclusiveRegion = partner.CooperationMode == CooperationMode.ExclusiveAgency ? partner.RegionCode : null,
            PaymentTermDays = partner.Agreement.PaymentTermDays,
            ProfitShareBrackets = partner.Agreement.ProfitShareBrackets,
            EffectiveFrom = DateOnly.FromDateTime(now.UtcDateTime),
        };
        var version = AgreementVersion.Recorded(partner.Id, number, terms, actor, now);
        db.AgreementVersions.Add(version);
        partner.Agreement.VersionId = version.Id;
    }

    /// <summary>The version a new signed one replaces keeps its terms in the archive, marked replaced.</summary>
    public async Task RetireSignedAgreementAsync(Partner partner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (partner.Agreement.VersionId is { } currentId
            && await db.AgreementVersions.FirstOrDefaultAsync(v => v.Id == currentId, cancellationToken) is { } current)
        {
            current.Retire(now);
        }
    }

    public async Task<int> NextAgreementNumberAsync(string partnerId, CancellationToken cancellationToken) =>
        (await db.AgreementVersions.Where(v => v.PartnerId == partnerId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;

    // The unique index is the guarantee under concurrency; this check gives the common case a clear answer first.
    public async Task EnsureNoOtherActiveExclusiveAgentAsync(Partner partner, CancellationToken cancellationToken)
    {
        if (partner is { CooperationMode: CooperationMode.ExclusiveAgency, Status: PartnerStatus.Active }
            && await db.Partners.AnyAsync(p => p.Id != partner.Id && p.RegionCode == partner.RegionCode
                && p.CooperationMode == CooperationMode.ExclusiveAgency && p.Status == PartnerStatus.Active, cancellationToken))
        {
            throw PartnerRegistration.ExclusiveAgentExists(partner.RegionCode);
        }
    }

    /// <summary>
    /// Saves the unit of work that changed the partner, with the exclusive-region and concurrency failures as problems.
    /// A partner that became terminated loses its credentials in the same unit of work, however it was terminated
    /// (by hand, by its exit's end, by a rejected application).
    /// </summary>
    public async Task SaveAsync(Partner partner, string actor, CancellationToken cancellationToken)
    {
        var status = db.Entry(partner).Property(p => p.Status);
        var becameTerminated = partner.Status == PartnerStatus.Terminated && (db.Entry(partner).State == EntityState.Added || status.OriginalValue != PartnerStatus.Terminated);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (becameTerminated)
            {
                await credentials.EndPartnerCredentialsAsync(partner.Id, actor, cancellationToken);
            }
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(ExclusiveAgentIndex, ExclusiveAgentSqliteColumns))
        {
            throw PartnerRegistration.ExclusiveAgentExists(partner.RegionCode);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ErrorKind.PreconditionFailed, "precondition_failed",
                "The partner changed while this update ran. Read it again and retry.");
        }
    }
}

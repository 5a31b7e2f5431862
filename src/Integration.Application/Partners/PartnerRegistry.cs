using Integration.Application.Audit;
using Integration.Core.Common;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Partners;

/// <summary>Registers and changes partners, each change with its audit entry in one transaction.</summary>
public sealed class PartnerRegistry(IntegrationDbContext db, AuditLog audit, PartnerSnapshots snapshots, TimeProvider clock)
{
    private const string ExclusiveAgentIndex = "ux_partners_active_exclusive_agent_per_region";
    private const string ExclusiveAgentSqliteColumns = "partners.RegionCode";

    /// <summary>Registers a partner; one created from an application starts in <see cref="PartnerStatus.Onboarding"/>.</summary>
    public async Task<Partner> CreateAsync(CreatePartnerRequest request, string actor, CancellationToken cancellationToken, PartnerStatus status = PartnerStatus.Active)
    {
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
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        };

        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await EnsureNoOtherActiveExclusiveAgentAsync(partner, cancellationToken);
        db.Partners.Add(partner);
        await audit.AppendAsync(new AuditRecord(actor, "partner.created", partner.Id,
            Details: new { partner.Name, tier = SnakeCase.Of(partner.Tier), partner.RegionCode, mode = SnakeCase.Of(partner.CooperationMode), status = SnakeCase.Of(partner.Status) }), cancellationToken);
        await SaveAsync(partner, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return partner;
    }

    public async Task<Partner> UpdateAsync(Partner partner, UpdatePartnerRequest request, string actor, CancellationToken cancellationToken)
    {
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
        await audit.AppendAsync(new AuditRecord(actor, "partner.updated", partner.Id, Details: request), cancellationToken);
        await SaveAsync(partner, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        snapshots.Forget(partner.Id);
        return partner;
    }

    // The unique index is the guarantee under concurrency; this check gives the common case a clear answer first.
    private async Task EnsureNoOtherActiveExclusiveAgentAsync(Partner partner, CancellationToken cancellationToken)
    {
        if (partner is { CooperationMode: CooperationMode.ExclusiveAgency, Status: PartnerStatus.Active }
            && await db.Partners.AnyAsync(p => p.Id != partner.Id && p.RegionCode == partner.RegionCode
                && p.CooperationMode == CooperationMode.ExclusiveAgency && p.Status == PartnerStatus.Active, cancellationToken))
        {
            throw PartnerRegistration.ExclusiveAgentExists(partner.RegionCode);
        }
    }

    private async Task SaveAsync(Partner partner, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
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

using Integration.Application.Audit;
using Integration.Application.Events;
using Integration.Application.Onboarding;
using Integration.Application.Partners;
using Integration.Core.Agreements;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Agreements;

/// <summary>
/// Negotiation and signing of a partner's agreement: each round a new version, drafts editable until signing starts,
/// and when both documents carry both sides' signatures the version becomes the partner's agreement — in one
/// transaction with the partner's new terms, its activation, the audit entries and the events.
/// </summary>
public sealed class AgreementDesk(IntegrationDbContext db, PartnerRegistry registry, AuditLog audit, EventLog events, PartnerSnapshots snapshots, ApplicationProgress applications, TimeProvider clock)
{
    public async Task<AgreementVersion> DraftAsync(string partnerId, AgreementTermsRequest request, string actor, CancellationToken cancellationToken)
    {
        var terms = request.ToTerms();
        AgreementRules.Check(terms);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var partner = await FindNegotiatingPartnerAsync(partnerId, cancellationToken);
        var now = clock.UtcNow();
        var drafts = await db.AgreementVersions.Where(v => v.PartnerId == partnerId && v.Status == AgreementStatus.Draft).ToListAsync(cancellationToken);
        foreach (var earlier in drafts)
        {
            earlier.Retire(now);
        }
        var version = new AgreementVersion
        {
            Id = Ids.New("agv"), PartnerId = partner.Id, Number = await registry.NextAgreementNumberAsync(partner.Id, cancellationToken),
            Terms = terms, CreatedBy = actor, CreatedAt = now,
        };
        db.AgreementVersions.Add(version);
        if (partner.Status == PartnerStatus.Onboarding)
        {
            await applications.MarkNegotiatingAsync(partnerId, actor, cancellationToken);
        }
        await audit.AppendAsync(new AuditRecord(actor, "agreement.drafted", version.Id, Details: new { partnerId, version.Number }), cancellationToken);
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    public async Task<AgreementVersion> ReviseAsync(
        string partnerId, string versionId, AgreementTermsRequest request, string actor, CancellationToken cancellationToken)
    {
        var terms = request.ToTerms();
        AgreementRules.Check(terms);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var version = await FindAsync(partnerId, versionId, cancellationToken);
        var before = version.Terms;
        version.Edit(terms, clock.UtcNow());
        await audit.AppendAsync(new AuditRecord(actor, "agreement.revised", version.Id,
            Details: new { partnerId, version.Number, changes = AgreementText.Diff(before, terms) }), cancellationToken);
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    public async Task<AgreementVersion> FindAsync(string partnerId, string versionId, CancellationToken cancellationToken) =>
        await db.AgreementVersions.FirstOrDefaultAsync(v => v.Id == versionId && v.PartnerId == partnerId, cancellationToken)
        ?? throw DomainException.NotFound("agreement version", versionId);

    public async Task<IReadOnlyList<AgreementVersion>> ListAsync(string partnerId, int afterNumber, int take, CancellationToken cancellationToken)
    {
        await FindPartnerAsync(partnerId, cancellationToken);
        return await db.AgreementVersions.AsNoTracking().Where(v => v.PartnerId == partnerId && v.Number > afterNumber)
            .OrderBy(v => v.Number).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<AgreementDiffResponse> DiffAsync(string partnerId, string fromId, string toId, CancellationToken cancellationToken)
    {
        var from = await FindAsync(partnerId, fromId, cancellationToken);
        var to = await FindAsync(partnerId, toId, cancellationToken);
        return new AgreementDiffResponse(partnerId, from.Number, to.Number, AgreementText.Diff(from.Terms, to.Terms));
    }

    /// <summary>
    /// Records one side's signature of one document of the latest draft. The fourth signature signs the version: the
    /// partner takes its terms and, if onboarding, becomes active — unless that makes a second active exclusive agent
    /// for the region (409, and not even the signature is kept).
    /// </summary>
    public async Task<AgreementVersion> SignAsync(
        string partnerId, string versionId, SigningSide side, SignAgreementRequest request, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var version = await FindAsync(partnerId, versionId, cancellationToken);
        var partner = await FindNegotiatingPartnerAsync(partnerId, cancellationToken);
        var now = clock.UtcNow();
        version.AddSignature(new AgreementSignature
        {
            Id = Ids.New("sig"), Document = request.Document, Side = side, SignerName = request.SignerName.Trim(),
            SignerRole = request.SignerRole.Trim(), Method = request.Method, DocumentSha256 = SignedHash(version, request),
            SignedAt = now, RecordedBy = actor,
        });
        await audit.AppendAsync(new AuditRecord(actor, "agreement.signature_recorded", version.Id,
            Details: new { partnerId, version.Number, document = SnakeCase.Of(request.Document), side = SnakeCase.Of(side), request.SignerName, request.SignerRole, method = SnakeCase.Of(request.Method) }),
            cancellationToken);
        if (version.IsFullySigned)
        {
            await TakeEffectAsync(partner, version, actor, now, cancellationToken);
        }
        await SaveAsync(cancellationToken, partner);
        await transaction.CommitAsync(cancellationToken);
        snapshots.Forget(partner.Id);
        return version;
    }

    private async Task TakeEffectAsync(Partner partner, AgreementVersion version, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        version.MarkSigned(now);
        await registry.RetireSignedAgreementAsync(partner, now, cancellationToken);
        var wasOnboarding = partner.Status == PartnerStatus.Onboarding;
        partner.TakeAgreement(version);
        partner.Touch(now);
        await registry.EnsureNoOtherActiveExclusiveAgentAsync(partner, cancellationToken);
        await audit.AppendAsync(new AuditRecord(actor, "agreement.signed", version.Id, Details: new { partnerId = partner.Id, version.Number }), cancellationToken);
        var signed = new
        {
            partnerId = partner.Id, versionId = version.Id, number = version.Number,
            effectiveFrom = version.Terms.EffectiveFrom, effectiveTo = version.Terms.EffectiveTo,
        };
        events.AppendInEveryEnvironment(partner.Id, EventTypes.AgreementSigned, version.Id, signed, now);
        if (wasOnboarding)
        {
            await applications.MarkSignedAsync(partner.Id, actor, cancellationToken);
            await applications.MarkActiveAsync(partner.Id, actor, cancellationToken);
            await audit.AppendAsync(new AuditRecord(actor, "partner.activated", partner.Id, Details: new { agreementVersionId = version.Id }), cancellationToken);
            events.AppendInEveryEnvironment(partner.Id, EventTypes.PartnerActivated, partner.Id,
                new { partnerId = partner.Id, status = SnakeCase.Of(partner.Status), agreementVersionId = version.Id }, now);
        }
    }


    private static string SignedHash(AgreementVersion version, SignAgreementRequest request)
    {
        var rendered = AgreementText.Sha256(version, request.Document);
        var given = request.DocumentSha256?.ToLowerInvariant();
        if (request.Method == SigningMethod.ScannedPaper)
        {
            return given ?? throw DomainException.Invalid("documentSha256", "A scanned paper signature names the SHA-256 of the uploaded scan.");
        }
        if (given is not null && given != rendered)
        {
            throw new DomainException(ErrorKind.Unprocessable, "document_hash_mismatch",
                $"The signed document's SHA-256 is not the platform's rendering of version {version.Number} ({rendered}): the signer signed something else.",
                new Dictionary<string, string[]> { ["documentSha256"] = [$"Expected {rendered}."] });
        }
        return rendered;
    }

    /// <summary>
    /// A partner whose terms may be negotiated and signed: not terminated, and, while onboarding, with its application
    /// (if it came from one) approved for negotiation.
    /// </summary>
    private async Task<Partner> FindNegotiatingPartnerAsync(string partnerId, CancellationToken cancellationToken)
    {
        var partner = await FindPartnerAsync(partnerId, cancellationToken);
        if (partner.Status == PartnerStatus.Terminated)
        {
            throw new DomainException(ErrorKind.Conflict, "partner_terminated",
                $"Partner {partnerId} is terminated; its agreements are archived and no new version is negotiated or signed.");
        }
        if (partner.Status == PartnerStatus.Onboarding)
        {
            await applications.EnsureMayNegotiateAsync(partnerId, cancellationToken);
        }
        return partner;
    }

    private async Task<Partner> FindPartnerAsync(string partnerId, CancellationToken cancellationToken) =>
        await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId && p.SandboxOwnerId == null, cancellationToken)
        ?? throw DomainException.NotFound("partner", partnerId);

    private async Task SaveAsync(CancellationToken cancellationToken, Partner? changedPartner = null)
    {
        try
        {
            if (changedPartner is null)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await registry.SaveAsync(changedPartner, "system:agreements", cancellationToken);
            }
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("ux_agreement_versions_partner_number", "agreement_versions.PartnerId")
            || e.IsUniqueViolation("IX_agreement_signatures_VersionId_Document_Side", "agreement_signatures.VersionId"))
        {
            throw new DomainException(ErrorKind.Conflict, "agreement_changed",
                "The agreement changed while this request ran (another round was drafted or the same signature recorded). Read it again.");
        }
    }
}

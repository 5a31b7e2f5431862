using Integration.Core.Common;
using Integration.Core.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Ratings;

internal sealed class RatingProposalConfiguration : IEntityTypeConfiguration<RatingProposal>
{
    public void Configure(EntityTypeBuilder<RatingProposal> builder)
    {
        builder.ToTable("rating_proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(p => p.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(p => p.Quarter).HasMaxLength(7);
        builder.Property(p => p.Basis).HasMaxLength(200);
        builder.Property(p => p.DecidedBy).HasMaxLength(ContractLimits.Email); // an API client id, or a person's e-mail
        builder.Property(p => p.DecisionReason).HasMaxLength(ContractLimits.Note);
        builder.Property(p => p.Version).IsConcurrencyToken();
        // One proposal per partner and quarter: the quarter-end job and the on-demand endpoint may both run.
        builder.HasIndex(p => new { p.PartnerId, p.Environment, p.Quarter }).IsUnique().HasDatabaseName("ux_rating_proposals_partner_quarter");
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
    }
}

using Integration.Core.Common;
using Integration.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(c => c.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(c => c.ExternalId).HasMaxLength(ContractLimits.CustomerExternalId);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsErased);
        // A partner's own id names one customer per environment; erased customers have none.
        builder.HasIndex(c => new { c.PartnerId, c.Environment, c.ExternalId }).IsUnique().HasDatabaseName("ux_customers_partner_external_id");
        builder.HasIndex(c => new { c.PartnerId, c.Environment, c.UpdatedAt, c.Id });
        builder.HasIndex(c => new { c.PartnerId, c.Environment, c.CreatedAt, c.Id });
        builder.HasOne<Core.Partners.Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Integration.Core.Common;
using Integration.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Customers;

internal sealed class CustomerConsentConfiguration : IEntityTypeConfiguration<CustomerConsent>
{
    public void Configure(EntityTypeBuilder<CustomerConsent> builder)
    {
        builder.ToTable("customer_consents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(ContractLimits.Id);
        builder.Property(c => c.CustomerId).HasMaxLength(ContractLimits.Id);
        builder.Property(c => c.PartnerId).HasMaxLength(ContractLimits.Id);
        builder.Property(c => c.Source).HasMaxLength(ContractLimits.ConsentSource);
        builder.HasIndex(c => new { c.CustomerId, c.GivenAt, c.Id });
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

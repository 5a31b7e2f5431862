using Integration.Core.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integration.Data.Conventions;

/// <summary>A list of internal roles as one readable column ("admin finance"), the same on both providers.</summary>
public static class RoleListConversion
{
    public static PropertyBuilder<List<InternalRole>> StoredAsRoleList(this PropertyBuilder<List<InternalRole>> property) =>
        property.HasMaxLength(200).HasConversion(
            roles => InternalRoles.Format(roles),
            stored => InternalRoles.Parse(stored),
            new ValueComparer<List<InternalRole>>((a, b) => a!.SequenceEqual(b!), roles => InternalRoles.Format(roles).GetHashCode(), roles => roles.ToList()));
}

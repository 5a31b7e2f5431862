using Integration.Core.Common;

namespace Integration.Data;

/// <summary>The partner and environment whose data the current unit of work may see.</summary>
public sealed record Tenant(string PartnerId, ApiEnvironment Environment);

/// <summary>Tells the database which tenant the current scope works for; null for internal work.</summary>
public interface ITenantResolver
{
    Tenant? Current { get; }
}

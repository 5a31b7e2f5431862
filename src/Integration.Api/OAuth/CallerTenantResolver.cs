using Integration.Core.Credentials;
using Integration.Data;

namespace Integration.Api.OAuth;

/// <summary>A partner caller's requests see only that partner's data in the credential's environment.</summary>
public sealed class CallerTenantResolver(IHttpContextAccessor accessor) : ITenantResolver
{
    public Tenant? Current =>
        accessor.HttpContext?.GetCaller() is { Kind: CredentialKind.Partner, PartnerId: { } partnerId, Environment: { } environment }
            ? new Tenant(partnerId, environment)
            : null;
}

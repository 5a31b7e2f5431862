using Integration.Core.Credentials;
using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Application.RequestLog;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.RequestLog;

/// <summary>What partners call the API with, for internal teams planning a deprecation.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/request-log")]
public sealed class AdminRequestLogController(PartnerRequestLog log, IntegrationDbContext db) : ControllerBase
{
    /// <summary>
    /// Client software seen in the last 30 days, by the first product token of <c>User-Agent</c>
    /// (<c>PartnerPlatform.Sdk/1.0.0</c>): partners, calls and last call each; the most used first.
    /// </summary>
    [HttpGet("clients", Name = "ListClientVersions")]
    [AdminAccess(AdminPermission.RequestLogRead)]
    public async Task<IReadOnlyList<ClientVersionUsage>> Clients(CancellationToken cancellationToken) =>
        await log.ClientVersionsAsync(db, cancellationToken);
}

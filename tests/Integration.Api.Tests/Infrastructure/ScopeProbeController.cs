using Asp.Versioning;
using Integration.Api.OAuth;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Tests.Infrastructure;

/// <summary>
/// A test-only partner endpoint guarded by a scope, so the authorization pipeline's scope check can be
/// exercised before every feature has its own scoped endpoints.
/// </summary>
[ApiController]
[ApiExplorerSettings(IgnoreApi = true)] // a probe of the tests, not part of any contract
[ApiVersion(1)]
[Route("v{version:apiVersion}/test-probes")]
public sealed class ScopeProbeController : ControllerBase
{
    [HttpGet("orders-write")]
    [PartnerAccess("orders:write")]
    public IActionResult OrdersWrite() => Ok(new { reached = true });
}

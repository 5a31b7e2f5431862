using Integration.Application.Environments;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Hosting;
using Integration.Sandbox.Worlds;

namespace Integration.Sandbox.Provisioning;

/// <summary>Seeds a partner's sandbox from outside its own requests (issuing its first sandbox credential), in a unit of work scoped to that sandbox.</summary>
public sealed class SandboxProvisioning(IServiceScopeFactory scopes, IOptions<SandboxOptions> options) : IEnvironmentProvisioning
{
    public async Task OnCredentialIssuedAsync(string partnerId, CancellationToken cancellationToken)
    {
        if (!options.Value.SeedOnFirstCredential)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IntegrationDbContext>().ScopeTo(partnerId, ApiEnvironment.Sandbox);
        await scope.ServiceProvider.GetRequiredService<SandboxWorlds>().EnsureAsync(partnerId, cancellationToken);
    }
}

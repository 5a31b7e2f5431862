using Integration.Core.Common;
using Integration.Data;

namespace Integration.Application.Environments;

/// <summary>Internal work on a partner's rows runs on the clock of the partner's environment (<see cref="IEnvironmentClock"/>).</summary>
public sealed class EnvironmentClocks(IServiceProvider services)
{
    public Task FollowPartnerAsync(BusinessClock clock, IntegrationDbContext db, string partnerId, ApiEnvironment environment, CancellationToken cancellationToken) =>
        services.GetKeyedService<IEnvironmentClock>(environment)?.FollowPartnerAsync(clock, db, partnerId, cancellationToken) ?? Task.CompletedTask;
}

using Integration.Core.Common;
using Integration.Data;

namespace Integration.Application.Environments;

/// <summary>
/// An environment whose partners keep their own business clock (the sandbox's time machine) registers one,
/// keyed by its <see cref="ApiEnvironment"/>; the live environment has none and runs on real time.
/// </summary>
public interface IEnvironmentClock
{
    /// <summary>Sets <paramref name="clock"/> to the partner's time for internal work on that partner's rows.</summary>
    Task FollowPartnerAsync(BusinessClock clock, IntegrationDbContext db, string partnerId, CancellationToken cancellationToken);
}

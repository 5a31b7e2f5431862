using Integration.Application.OAuth;
using Integration.Core.Common;
using Integration.Core.Disputes;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Partners;

/// <summary>
/// Reads what <see cref="TradingStanding"/> decides on for a partner in an environment: its status and
/// whether an open level-3 dispute freezes it there.
/// </summary>
public sealed class AccountStanding(IntegrationDbContext db)
{
    public async Task<bool> IsFrozenAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken) =>
        await FrozenBecauseAsync(partnerId, environment, cancellationToken) is not null;

    public async Task EnsureMayTradeAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken)
    {
        if (await FrozenBecauseAsync(partnerId, environment, cancellationToken) is { } why)
        {
            throw TradingStanding.Frozen(why);
        }
    }

    /// <summary>Why the partner may not trade in the environment (its status, or an open level-3 dispute there), or null when it may.</summary>
    // One round trip (this runs before every stock write): the partner's status and whether an open level-3 dispute freezes it here.
    public async Task<string?> FrozenBecauseAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken)
    {
        var standing = await db.Partners.Where(p => p.Id == partnerId)
            .Select(p => new
            {
                p.Status,
                FrozenByDispute = db.Disputes.IgnoreQueryFilters().Any(d => d.PartnerId == p.Id && d.Environment == environment
                                                                          && d.Status == DisputeStatus.Open && d.Level == DisputeLevels.FreezingLevel),
            })
            .FirstAsync(cancellationToken);
        return TradingStanding.WhyMayNotTrade(standing.Status, standing.FrozenByDispute);
    }
}

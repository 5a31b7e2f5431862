using Integration.Core.Settlement;
using Integration.Data;

namespace Integration.Application.Settlement;

/// <summary>Live payouts go to the configured bank gateway as they are.</summary>
public sealed class LivePayoutGateway(BankGateway gateway) : IPayoutGateway
{
    public Task<(BankGateway Gateway, IReadOnlyDictionary<string, string>? Headers)> RouteAsync(IntegrationDbContext db, Payout payout, CancellationToken cancellationToken) =>
        Task.FromResult<(BankGateway, IReadOnlyDictionary<string, string>?)>((gateway, null));
}

using Integration.Core.Settlement;
using Integration.Data;

namespace Integration.Application.Settlement;

/// <summary>
/// The bank gateway a payout goes to, and the headers sent with it, chosen by the payout's environment: registered
/// keyed by <see cref="Integration.Core.Common.ApiEnvironment"/> (live: <see cref="LivePayoutGateway"/>; sandbox: its simulated gateway).
/// </summary>
public interface IPayoutGateway
{
    Task<(BankGateway Gateway, IReadOnlyDictionary<string, string>? Headers)> RouteAsync(IntegrationDbContext db, Payout payout, CancellationToken cancellationToken);
}

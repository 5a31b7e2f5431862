namespace Integration.Core.Common;

/// <summary>
/// A row that belongs to one partner in one environment. The database applies the tenancy filter to
/// every such type centrally; code never filters by partner by hand.
/// </summary>
public interface IPartnerOwned
{
    string PartnerId { get; }
    ApiEnvironment Environment { get; }
}

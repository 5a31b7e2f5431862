namespace PartnerPlatform.Sdk;

/// <summary>Your partner account: <c>client.Partner</c>.</summary>
public interface IPartnerService
{
    /// <summary>Your profile as the platform sees it: tier, discount, status, environment.</summary>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<PartnerProfileV2> GetAsync(RequestOptions? options = null, CancellationToken cancellationToken = default);
}

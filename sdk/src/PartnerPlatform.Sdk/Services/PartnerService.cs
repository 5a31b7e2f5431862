using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk;

/// <inheritdoc cref="IPartnerService" />
public sealed class PartnerService : IPartnerService
{
    private readonly PartnersClient _api;

    internal PartnerService(HttpClient http) => _api = new PartnersClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<PartnerProfileV2> GetAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.GetMyPartnerAsync(ct), cancellationToken);
}

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// Where a call goes and whose credential it is made with: the call's <see cref="RequestOptions.Credential"/> and
/// <see cref="RequestOptions.Environment"/>, else the client's own. Tokens are cached per target.
/// </summary>
internal readonly record struct CallTarget(Uri BaseAddress, string ClientId, string ClientSecret)
{
    /// <summary>The target of the call in progress (<see cref="Call.Scope"/>); a credential of another environment is refused before anything is sent.</summary>
    public static CallTarget Of(PartnerClientOptions options)
    {
        var call = Call.Scope?.Options;
        if (call?.Credential is null && call?.Environment is null)
        {
            return new CallTarget(options.BaseAddress, options.ClientId, options.ClientSecret);
        }
        var environment = call.Environment ?? options.Environment;
        var clientId = call.Credential?.ClientId ?? options.ClientId;
        if (PartnerClientOptions.CredentialMismatch(clientId, environment, "RequestOptions.Environment") is { } mismatch)
        {
            throw new ArgumentException(mismatch);
        }
        return new CallTarget(call.Environment is { } chosen ? options.BaseAddressFor(chosen) : options.BaseAddress, clientId,
            call.Credential?.ClientSecret ?? options.ClientSecret);
    }

    /// <summary>Never the secret (a record would print it).</summary>
    public override string ToString() => $"{ClientId} at {BaseAddress}";
}

namespace Integration.Api.OAuth;

/// <summary>
/// Why a configured <c>OAuth:Issuer</c> cannot be used, or null when it can. Tokens carry it as
/// <c>iss</c>, so every instance behind one public URL must name that URL, not the host it was reached by.
/// </summary>
public static class IssuerValidation
{
    public static string? Problem(string? issuer, bool required, bool allowPlainHttp)
    {
        if (string.IsNullOrWhiteSpace(issuer))
        {
            return required
                ? "OAuth:Issuer is not set. Outside Development every instance must name the one public URL partners use "
                  + "(for example https://partners.example.com/); tokens carry it as 'iss'. See docs/operations.md."
                : null;
        }
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"OAuth:Issuer '{issuer}' is not an absolute http(s) URL.";
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !allowPlainHttp)
        {
            return $"OAuth:Issuer '{issuer}' must use https (plain http only with OAuth:AllowPlainHttp, for development and tests).";
        }
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return $"OAuth:Issuer '{issuer}' must not have a query or a fragment (RFC 8414).";
        }
        return null;
    }
}

using Integration.Application.OAuth;
using Integration.Core.Credentials;

namespace Integration.Api.OAuth;

public static class CallerHttpContextExtensions
{
    private static readonly object Key = new();

    public static Caller? GetCaller(this HttpContext context)
    {
        // Only a caller is remembered: a person's cookie is read later than the bearer token, by the admin policies.
        if (context.Items.TryGetValue(Key, out var cached) && cached is Caller known)
        {
            return known;
        }
        var caller = Caller.From(context.User);
        if (caller is not null)
        {
            context.Items[Key] = caller;
        }
        return caller;
    }

    /// <summary>Replaces what the token said with what is current, e.g. a tier changed since the token was issued.</summary>
    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[Key] = caller;

    /// <summary>The partner caller of a partner endpoint; authorization has already ensured it exists.</summary>
    public static Caller RequirePartnerCaller(this HttpContext context) =>
        context.GetCaller() is { Kind: CredentialKind.Partner, PartnerId: not null } caller
            ? caller
            : throw new InvalidOperationException("A partner endpoint ran without a partner caller.");
}

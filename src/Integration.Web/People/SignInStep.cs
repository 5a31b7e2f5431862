namespace Integration.Web.People;

public enum SignInStep
{
    /// <summary>Signed in with every role the person holds.</summary>
    SignedIn,

    /// <summary>Signed in by password only: the person must enrol an authenticator before their roles count.</summary>
    EnrollmentRequired,

    /// <summary>The password was right; the authenticator code is still needed.</summary>
    TwoFactorRequired,

    Refused,
}

namespace Integration.Api.Credentials;

public static class CredentialsSetup
{
    /// <summary>Issuing, rotating and revoking partner and internal credentials.</summary>
    public static WebApplicationBuilder AddCredentials(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CredentialIssuer>();
        return builder;
    }
}

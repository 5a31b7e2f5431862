namespace Integration.Application.Credentials;

public static class CredentialsSetup
{
    /// <summary>Issuing, rotating and revoking partner and internal credentials.</summary>
    public static IHostApplicationBuilder AddCredentials(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CredentialIssuer>();
        builder.Services.AddScoped<LiveCredentialDesk>();
        builder.Services.AddScoped<PartnerCredentials>();
        return builder;
    }
}

namespace Integration.Application.People;

public static class PeopleServicesSetup
{
    /// <summary>Partner users' rules, for the API and the portal alike (Identity itself is registered by the host).</summary>
    public static IHostApplicationBuilder AddPartnerUsers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PartnerUsers>();
        return builder;
    }
}

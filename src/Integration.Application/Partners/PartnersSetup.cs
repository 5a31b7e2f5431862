namespace Integration.Application.Partners;

public static class PartnersSetup
{
    /// <summary>The partner registry, the cached partner snapshots and whether a partner may trade.</summary>
    public static IHostApplicationBuilder AddPartners(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PartnerRegistry>();
        builder.Services.AddOptions<PartnerSnapshotOptions>().Bind(builder.Configuration.GetSection("Partners:Snapshots"));
        builder.Services.AddSingleton<PartnerSnapshots>();
        builder.Services.AddScoped<AccountStanding>();
        return builder;
    }
}

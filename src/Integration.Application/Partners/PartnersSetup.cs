using Integration.Application.Agreements;

namespace Integration.Application.Partners;

public static class PartnersSetup
{
    /// <summary>The partner registry, agreements and exits, the cached partner snapshots and whether a partner may trade.</summary>
    public static IHostApplicationBuilder AddPartners(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PartnerRegistry>();
        builder.Services.AddOptions<PartnerSnapshotOptions>().Bind(builder.Configuration.GetSection("Partners:Snapshots"));
        builder.Services.AddSingleton<PartnerSnapshots>();
        builder.Services.AddScoped<AccountStanding>();
        builder.Services.AddScoped<AgreementDesk>();
        builder.Services.AddScoped<PartnerExits>();
        builder.Services.AddOptions<PartnerExitOptions>().Bind(builder.Configuration.GetSection("Partners:Exits"));
        builder.Services.AddHostedService<PartnerExitJob>();
        return builder;
    }
}

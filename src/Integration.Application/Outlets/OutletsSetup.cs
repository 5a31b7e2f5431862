namespace Integration.Application.Outlets;

public static class OutletsSetup
{
    /// <summary>Outlets, their daily activity reports and promotional events.</summary>
    public static IHostApplicationBuilder AddOutlets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PartnerOutlets>();
        builder.Services.AddScoped<ActivityReports>();
        builder.Services.AddScoped<PromotionCalendar>();
        return builder;
    }
}

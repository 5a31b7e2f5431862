namespace Integration.Application.RequestLog;

public static class RequestLogSetup
{
    public static IServiceCollection AddRequestLog(this IServiceCollection services)
    {
        services.AddSingleton<PartnerRequestLog>();
        services.AddHostedService(provider => provider.GetRequiredService<PartnerRequestLog>());
        return services;
    }
}

namespace Integration.Application.Disputes;

public static class DisputesSetup
{
    /// <summary>Opening and resolving disputes of statement lines.</summary>
    public static IHostApplicationBuilder AddDisputes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DisputeDesk>();
        return builder;
    }
}

namespace Integration.Api.Disputes;

public static class DisputesSetup
{
    /// <summary>Opening and resolving disputes of statement lines.</summary>
    public static WebApplicationBuilder AddDisputes(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DisputeDesk>();
        return builder;
    }
}

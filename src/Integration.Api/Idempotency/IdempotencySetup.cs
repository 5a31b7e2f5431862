namespace Integration.Api.Idempotency;

public static class IdempotencySetup
{
    /// <summary>Idempotency keys: the stored first answers and their pruning after 24 hours.</summary>
    public static WebApplicationBuilder AddIdempotency(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddHostedService<IdempotencyPruning>();
        return builder;
    }
}

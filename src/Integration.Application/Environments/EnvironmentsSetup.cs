namespace Integration.Application.Environments;

public static class EnvironmentsSetup
{
    /// <summary>What business services ask of the caller's environment; the environments themselves register their parts (AddSandbox).</summary>
    public static IHostApplicationBuilder AddEnvironments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<EnvironmentClocks>();
        return builder;
    }
}

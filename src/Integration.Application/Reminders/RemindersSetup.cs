using Integration.Application.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Application.Reminders;

public static class RemindersSetup
{
    /// <summary>The reminders queue, its periodic job and the sources it asks (one <see cref="IReminderSource"/> each).</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection(ReminderOptions.Section))
            .ValidateSettings(ReminderOptions.Section);
        builder.Services.AddSingleton<IReminderSource, AmountDueReminders>();
        builder.Services.AddSingleton<IReminderSource, DisputeSlaReminders>();
        builder.Services.AddSingleton<IReminderSource, ExitBufferReminders>();
        builder.Services.AddSingleton<IReminderSource, AgreementExpiryReminders>();
        builder.Services.AddSingleton<IReminderSource, DocumentExpiryReminders>();
        builder.Services.AddScoped<ReminderDesk>();
        builder.Services.TryAddSingleton<JobLeases>();
        builder.Services.AddSingleton<ReminderJob>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ReminderJob>());
        return builder;
    }
}

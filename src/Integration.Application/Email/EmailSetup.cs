using Integration.Application.Hosting;
using Microsoft.Extensions.Options;

namespace Integration.Application.Email;

public static class EmailSetup
{
    /// <summary>E-mail through SMTP when <c>Email:SmtpHost</c> is configured, else into the mail folder of the data folder.</summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section)).ValidateSettings(EmailOptions.Section);
        builder.Services.AddSingleton<MailFolderSender>();
        builder.Services.AddSingleton<SmtpEmailSender>();
        builder.Services.AddSingleton<IEmailSender>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailOptions>>().Value.SmtpHost)
                ? provider.GetRequiredService<MailFolderSender>()
                : provider.GetRequiredService<SmtpEmailSender>());
        return builder;
    }
}

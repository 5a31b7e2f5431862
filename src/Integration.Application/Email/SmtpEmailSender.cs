using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Integration.Application.Email;

/// <summary>Sends through the SMTP server of <c>Email:SmtpHost</c>.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpUseTls };
        if (settings.SmtpUserName is { Length: > 0 } user)
        {
            client.Credentials = new NetworkCredential(user, settings.SmtpPassword);
        }
        using var mail = new MailMessage(settings.From, message.To, message.Subject, message.Body);
        await client.SendMailAsync(mail, cancellationToken);
    }
}

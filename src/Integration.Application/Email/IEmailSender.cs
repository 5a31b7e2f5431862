namespace Integration.Application.Email;

/// <summary>Sends e-mail: through SMTP when <c>Email:SmtpHost</c> is set, else into the mail folder (<see cref="MailFolderSender"/>).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Integration.Application.Email;

/// <summary>
/// The development sink: each message becomes one <c>.eml</c> file in the mail folder (under the data folder by default),
/// so that running or testing the platform needs no mail server. Open the newest file to follow a confirmation link.
/// </summary>
public sealed class MailFolderSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock) : IEmailSender
{
    public string Folder => Path.GetFullPath(options.Value.MailFolder, environment.ContentRootPath);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"From: {options.Value.From}\r\nTo: {message.To}\r\nSubject: {message.Subject}\r\nDate: {clock.GetUtcNow():R}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{message.Body}\r\n");
        await File.WriteAllTextAsync(Path.Combine(Folder, name), text, new UTF8Encoding(false), cancellationToken);
    }
}

using System.ComponentModel.DataAnnotations;

namespace Integration.Application.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The SMTP server; unset, messages are written as files to <see cref="MailFolder"/> instead (development).</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>STARTTLS (or TLS) to the SMTP server.</summary>
    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "onboarding@partners.example.com";

    /// <summary>Where messages go without an SMTP server: one <c>.eml</c> file each, relative to the content root (the data folder by default).</summary>
    [Required]
    public string MailFolder { get; set; } = "data/mail";
}

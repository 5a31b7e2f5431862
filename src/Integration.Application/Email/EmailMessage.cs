namespace Integration.Application.Email;

/// <summary>A plain-text e-mail to one person. Never put a secret in it.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

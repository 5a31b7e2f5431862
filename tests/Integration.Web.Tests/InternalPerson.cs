namespace Integration.Web.Tests;

public sealed record InternalPerson(string Email, string Password, string AuthenticatorKey);

using Integration.Core.Credentials;

namespace Integration.Application.Credentials;

/// <summary>A credential and when it last called the API (null: not in the 30 days the request log keeps).</summary>
public sealed record UsedCredential(Credential Credential, DateTimeOffset? LastUsedAt);

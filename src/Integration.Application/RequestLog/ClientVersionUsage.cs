namespace Integration.Application.RequestLog;

/// <summary>How much one client software (the first product token of <c>User-Agent</c>) was used in the kept window.</summary>
/// <param name="Client">E.g. <c>PartnerPlatform.Sdk/1.0.0</c>, or <c>unknown</c> when no User-Agent was sent.</param>
/// <param name="Partners">Distinct partners that used it.</param>
/// <param name="Requests">Calls made with it.</param>
/// <param name="LastSeenAt">Its latest call.</param>
public sealed record ClientVersionUsage(string Client, int Partners, long Requests, DateTimeOffset LastSeenAt);

namespace Integration.Application.RequestLog;

/// <summary>What a partner narrows its request log to; every part optional.</summary>
/// <param name="Status">An exact status (<c>422</c>) or a class (<c>4</c> for 4xx), see <see cref="StatusClass"/>.</param>
/// <param name="StatusClass">True when <paramref name="Status"/> is a class digit.</param>
/// <param name="PathPrefix">Calls whose path starts with this, e.g. <c>/v2/orders</c>.</param>
/// <param name="Since">Calls at or after this time.</param>
/// <param name="Until">Calls before this time.</param>
/// <param name="ClientId">Calls made with this credential.</param>
public sealed record RequestLogFilter(int? Status, bool StatusClass, string? PathPrefix, DateTimeOffset? Since, DateTimeOffset? Until, string? ClientId);

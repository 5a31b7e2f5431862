namespace Integration.Core.Common;

/// <summary>What kind of failure a business rule reports; the HTTP layer maps each kind to a status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unprocessable,
    PreconditionFailed,
    PreconditionRequired,

    /// <summary>Who is asking could not be established (a failed sign-in).</summary>
    Unauthenticated,
    TooLarge,
    UnsupportedMediaType,
}

/// <summary>
/// A business rule refused the request. <see cref="Code"/> is the stable machine string partners
/// program against (problem+json <c>code</c>), so never change an existing one.
/// </summary>
public sealed class DomainException(ErrorKind kind, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public ErrorKind Kind { get; } = kind;
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>When set, the refusal is temporary: the answer carries <c>Retry-After</c> with these seconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static DomainException NotFound(string what, string id) =>
        new(ErrorKind.NotFound, "resource_not_found", $"No {what} with id '{id}' exists.");

    public static DomainException Invalid(string field, string message) =>
        new(ErrorKind.Validation, "validation_failed", message, new Dictionary<string, string[]> { [field] = [message] });
}

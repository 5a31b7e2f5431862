namespace Integration.Core.Common;

/// <summary>
/// Why one row of a request is refused: the problem <see cref="Code"/>, the <see cref="Field"/> at fault (as the
/// partner sent it) and the <see cref="Reason"/> in words. A bulk call reports it beside the row; a single call throws it.
/// </summary>
public sealed record RowRefusal(string Code, string Field, string Reason)
{
    public const string Invalid = "validation_failed";

    /// <summary>The same refusal with the row's place before the field, e.g. <c>reports[3].conversions</c>.</summary>
    public RowRefusal Within(string row) => this with { Field = $"{row}.{Field}" };

    /// <summary>A malformed value is a 400 (<c>validation_failed</c>); a well-formed one the rules refuse is a 422.</summary>
    public DomainException ToException() =>
        new(Code == Invalid ? ErrorKind.Validation : ErrorKind.Unprocessable, Code, Reason, new Dictionary<string, string[]> { [Field] = [Reason] });
}

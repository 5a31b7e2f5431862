namespace Integration.Core.Agreements;

/// <summary>One side's signature of one document of a version; never changed once recorded.</summary>
public sealed class AgreementSignature
{
    public required string Id { get; init; }
    public required AgreementDocument Document { get; init; }
    public required SigningSide Side { get; init; }
    public required string SignerName { get; init; }
    public required string SignerRole { get; init; }
    public required SigningMethod Method { get; init; }

    /// <summary>SHA-256 (hex) of what was signed: the platform's rendering of the document, or the uploaded scan.</summary>
    public required string DocumentSha256 { get; init; }

    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>The internal caller who recorded the signature.</summary>
    public required string RecordedBy { get; init; }
}

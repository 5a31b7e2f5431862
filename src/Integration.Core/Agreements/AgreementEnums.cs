namespace Integration.Core.Agreements;

public enum AgreementStatus
{
    /// <summary>A negotiation round: editable until someone signs it.</summary>
    Draft,

    /// <summary>A later round was drafted or signed after this one; kept as history.</summary>
    Superseded,

    /// <summary>Signed by both sides (or recorded from before the platform kept agreements): the partner's agreement.</summary>
    Signed,

    /// <summary>Was the partner's agreement until a later version was signed.</summary>
    Replaced,
}

/// <summary>How a version came to be.</summary>
public enum AgreementOrigin
{
    /// <summary>Drafted and signed here, with the four signatures.</summary>
    Negotiated,

    /// <summary>Terms entered by an internal team on the partner record (registration, migration of existing partners).</summary>
    Recorded,
}

/// <summary>The two documents both sides sign.</summary>
public enum AgreementDocument
{
    Agreement,
    ConfidentialitySupplement,
}

public enum SigningSide
{
    Brand,
    Partner,
}

public enum SigningMethod
{
    Electronic,
    ScannedPaper,
}

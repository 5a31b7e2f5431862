namespace Integration.Core.Customers;

/// <summary>What a customer agreed to (or withdrew from).</summary>
public enum ConsentPurpose
{
    /// <summary>Marketing messages from the partner.</summary>
    Marketing,

    /// <summary>Sharing the customer's data with the brand.</summary>
    DataSharing,
}

namespace PartnerPlatform.Sdk.Http;

/// <summary>A string-backed value type of the API (an order status, a sharing policy…), made from its wire value.</summary>
/// <typeparam name="TSelf">The value type.</typeparam>
internal interface IWireValue<TSelf> where TSelf : struct, IWireValue<TSelf>
{
    /// <summary>The value as the API writes it.</summary>
    string Value { get; }

    /// <summary>The value for a wire value, known or not.</summary>
    /// <param name="value">The value as the API writes it.</param>
    static abstract TSelf FromWire(string value);

    /// <summary>The values this version of the SDK knows.</summary>
    static abstract IReadOnlyList<TSelf> KnownValues { get; }
}

using Integration.Core.Common;

namespace Integration.Core.Orders;

/// <summary>domain.md › Pricing an order.</summary>
public static class Pricing
{
    /// <summary>List price × (1 − discount), rounded to 0.01, midpoint away from zero: 199.99 at 25% → 149.99.</summary>
    public static decimal UnitNetPrice(decimal listPrice, decimal discountRate) => Money.Round(listPrice * (1m - discountRate));

    /// <summary>Unit net price × quantity, exact.</summary>
    public static decimal LineTotal(decimal unitNetPrice, int quantity) => unitNetPrice * quantity;

    /// <summary>What the discount takes off the line, at list price: the v2 line-level <c>discount</c>.</summary>
    public static decimal LineDiscount(decimal listPrice, decimal unitNetPrice, int quantity) => (listPrice - unitNetPrice) * quantity;
}

namespace Integration.Core.Outlets;

/// <summary>What kind of point of sale an outlet is.</summary>
public enum OutletType
{
    Store,
    ShopInShop,
    Counter,
    PopUp,
    Online,
}

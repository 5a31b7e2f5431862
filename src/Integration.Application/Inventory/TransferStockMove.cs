namespace Integration.Application.Inventory;

/// <summary>How a transfer moves a location's stock.</summary>
internal enum TransferStockMove
{
    Reserve,
    Release,
    ShipOut,
    Receive,
}

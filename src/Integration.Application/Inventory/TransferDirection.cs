namespace Integration.Application.Inventory;

public enum TransferDirection
{
    Incoming,
    Outgoing,
}

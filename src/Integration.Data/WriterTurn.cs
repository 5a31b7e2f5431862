namespace Integration.Data;

/// <summary>
/// One context's place in its SQLite file's writer queue (<see cref="SqliteWriteGate"/>): a unit of
/// work holds <see cref="Gate"/> for its transaction; a SaveChanges outside a transaction holds it
/// from saving to saved, and this remembers that it does.
/// </summary>
public sealed class WriterTurn(SemaphoreSlim gate)
{
    private bool _heldForSave;

    internal SemaphoreSlim Gate => gate;

    internal async ValueTask TakeForSaveAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        _heldForSave = true;
    }

    internal void TakeForSave()
    {
        gate.Wait();
        _heldForSave = true;
    }

    internal void ReleaseAfterSave()
    {
        if (_heldForSave)
        {
            _heldForSave = false;
            gate.Release();
        }
    }
}

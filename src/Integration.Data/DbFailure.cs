namespace Integration.Data;

/// <summary>What a database failure means for the caller (<see cref="DbErrors.Classify"/>).</summary>
public enum DbFailure
{
    /// <summary>Not a failure of the database's availability: a bug, a constraint, bad data.</summary>
    None,

    /// <summary>
    /// The database cannot be reached or refuses work for now (stopped, restarting, failing over, out of
    /// connections): the same request is expected to succeed once it is back.
    /// </summary>
    Unavailable,

    /// <summary>The request lost to others for a lock (deadlock, serialization failure, SQLite busy): retrying it is expected to succeed.</summary>
    Contention,
}

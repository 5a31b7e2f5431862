namespace Integration.Cli;

/// <summary>
/// What <c>integration-admin</c> exits with, one code per kind of failure so scripts can tell them apart
/// (docs/operations.md › Command-line tool lists them).
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The platform could not be reached, answered 5xx, or answered something unexpected.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong (unknown command, missing option) or no credential was given.</summary>
    public const int Usage = 2;

    /// <summary>401, or the token endpoint refused the credential.</summary>
    public const int Unauthenticated = 3;

    /// <summary>403: the credential's roles do not allow the action.</summary>
    public const int Forbidden = 4;

    /// <summary>404.</summary>
    public const int NotFound = 5;

    /// <summary>409 or 412: the resource's state does not allow it now.</summary>
    public const int Conflict = 6;

    /// <summary>400 or 422: the request was invalid.</summary>
    public const int Invalid = 7;

    /// <summary><c>audit verify</c> found the chain broken.</summary>
    public const int AuditChainBroken = 8;

    public static int ForStatus(int status) => status switch
    {
        >= 200 and < 300 => Ok,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        409 or 412 => Conflict,
        400 or 422 => Invalid,
        _ => Failed,
    };
}

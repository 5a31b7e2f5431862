namespace Integration.Core.Common;

/// <summary>The HTTP status of each kind of refusal, one map for the API's problems and the web's pages.</summary>
public static class ErrorStatus
{
    public static int Of(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => 400,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.Forbidden => 403,
        ErrorKind.Unprocessable => 422,
        ErrorKind.PreconditionFailed => 412,
        ErrorKind.PreconditionRequired => 428,
        ErrorKind.Unauthenticated => 401,
        ErrorKind.TooLarge => 413,
        ErrorKind.UnsupportedMediaType => 415,
        _ => 500,
    };
}

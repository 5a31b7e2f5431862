using System.ComponentModel.DataAnnotations;

namespace Integration.Api.Hosting;

public sealed class ApiOptions
{
    public const string Section = "Api";

    [Range(1024, long.MaxValue, ErrorMessage = "must be at least 1024 (bytes); the default is 1048576 (1 MiB).")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Problem <c>type</c> URIs are this base plus the problem code. Unset, they are the platform's own
    /// page for the code, <c>/problems/{code}</c> on the host the request came to (<see cref="ProblemPages"/>).
    /// </summary>
    [Url(ErrorMessage = "must be an absolute URL ending in '/', e.g. https://partners.example.com/problems/, or unset.")]
    public string? ErrorTypeBaseUri { get; set; }

    /// <summary>The <c>Retry-After</c> of a 503 <c>service_unavailable</c> (the database is unreachable or busy).</summary>
    [Range(1, 3600, ErrorMessage = "must be between 1 and 3600 (seconds).")]
    public int UnavailableRetryAfterSeconds { get; set; } = 2;
}

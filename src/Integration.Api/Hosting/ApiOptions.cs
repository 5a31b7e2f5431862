using System.ComponentModel.DataAnnotations;

namespace Integration.Api.Hosting;

public sealed class ApiOptions
{
    public const string Section = "Api";

    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Problem <c>type</c> URIs are this base plus the problem code (the docs' error catalogue).</summary>
    [Required, Url]
    public string ErrorTypeBaseUri { get; set; } = "https://partners.example.com/docs/errors/";

    /// <summary>The <c>Retry-After</c> of a 503 <c>service_unavailable</c> (the database is unreachable or busy).</summary>
    [Range(1, 3600)]
    public int UnavailableRetryAfterSeconds { get; set; } = 2;
}

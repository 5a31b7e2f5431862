using System.Globalization;

namespace Integration.Api.Tests.Observability;

/// <summary>Reads the Prometheus text exposition format as a scraper would, enough for counters and histogram counts.</summary>
public static class PrometheusText
{
    /// <summary>The sum of the samples named exactly <paramref name="metric"/>, over every label set; 0 when absent.</summary>
    public static double Sum(string exposition, string metric) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Sum(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));

    /// <summary>The label sets of <paramref name="metric"/>'s samples, as written.</summary>
    public static IReadOnlyList<string> Series(string exposition, string metric) =>
        exposition.Split('\n').Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal)).Select(line => line[..line.IndexOf('}')]).ToList();
}

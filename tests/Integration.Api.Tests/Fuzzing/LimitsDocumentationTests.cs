using System.Reflection;
using System.Text.RegularExpressions;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>The limits table of docs/errors.md says what the code enforces: each row's constant has the value it states.</summary>
public sealed partial class LimitsDocumentationTests
{
    [GeneratedRegex(@"`(?<type>ContractLimits|SkuFormat)\.(?<name>\w+)` = (?<value>\d+)")]
    private static partial Regex Stated();

    [Fact]
    public void The_limits_table_of_the_docs_matches_the_constants()
    {
        var doc = File.ReadAllText(RepositoryFiles.PathOf("docs", "errors.md"));

        var rows = Stated().Matches(doc).ToList();

        Assert.True(rows.Count >= 20, $"only {rows.Count} limits found in docs/errors.md");
        foreach (var row in rows)
        {
            var type = row.Groups["type"].Value == nameof(SkuFormat) ? typeof(SkuFormat) : typeof(ContractLimits);
            var field = type.GetField(row.Groups["name"].Value, BindingFlags.Public | BindingFlags.Static);
            Assert.True(field is not null, $"docs/errors.md names {row.Value}, which does not exist");
            Assert.Equal(row.Groups["value"].Value, Convert.ToString(field.GetValue(null), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

}

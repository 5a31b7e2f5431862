using System.Xml.Linq;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Web.Tests;

public sealed class TextResourcesTests
{
    [Fact]
    public void Every_word_of_the_web_is_there_in_english_and_in_simplified_chinese()
    {
        var english = Words("Text.resx");
        var chinese = Words("Text.zh-CN.resx");

        // Names differing only in case are one resource at run time: one of the two words is silently lost.
        Assert.Empty(english.Keys.GroupBy(key => key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.DoesNotContain(english.Concat(chinese), word => string.IsNullOrWhiteSpace(word.Value));
        // A placeholder one language has and the other lacks would throw, or drop a figure, at render time.
        Assert.All(english, word => Assert.Equal(Placeholders(word.Value), Placeholders(chinese[word.Key])));
    }

    private static Dictionary<string, string> Words(string file) =>
        XDocument.Load(RepositoryFiles.PathOf("src", "Integration.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order()];
}

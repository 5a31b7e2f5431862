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

    /// <summary>The words pages look up by an enum's value (<c>T["OrderStatus_" + SnakeCase.Of(status)]</c>): one for every value.</summary>
    public static readonly TheoryData<string, Type, bool> ValueWords = new()
    {
        { "OrderStatus_", typeof(Core.Orders.OrderStatus), true },
        { "CredentialStatus_", typeof(Core.Credentials.CredentialStatus), true },
        { "WebhookStatus_", typeof(Core.Webhooks.WebhookStatus), true },
        { "ApplicationStatus_", typeof(Core.Onboarding.ApplicationStatus), true },
        { "CriterionVerdict_", typeof(Core.Onboarding.CriterionVerdict), true },
        { "DocumentKind_", typeof(Core.Onboarding.DocumentKind), true },
        { "Tier_", typeof(Core.Partners.PartnerTier), true },
        { "CooperationMode_", typeof(Core.Partners.CooperationMode), true },
        { "ReminderKind_", typeof(Core.Reminders.ReminderKind), true },
        { "Criterion_", typeof(Core.Onboarding.QualificationCriterion), false },
        { "StatementStatus_", typeof(Core.Settlement.StatementStatus), false },
        { "PayoutStatus_", typeof(Core.Settlement.PayoutStatus), false },
        { "DisputeStatus_", typeof(Core.Disputes.DisputeStatus), false },
        { "TransferStatus_", typeof(Core.Inventory.TransferStatus), false },
        { "PartnerRole_", typeof(Core.Partners.PartnerRole), false },
    };

    [Theory]
    [MemberData(nameof(ValueWords))]
    public void Every_value_a_page_shows_has_its_words_in_both_languages(string prefix, Type values, bool snakeCase)
    {
        var english = Words("Text.resx");
        var chinese = Words("Text.zh-CN.resx");
        var keys = Enum.GetValues(values).Cast<Enum>().Select(value => prefix + (snakeCase ? Core.Common.SnakeCase.From(value.ToString()) : value.ToString())).ToList();

        Assert.DoesNotContain(keys, key => !english.ContainsKey(key) || !chinese.ContainsKey(key));
    }

    private static Dictionary<string, string> Words(string file) =>
        XDocument.Load(RepositoryFiles.PathOf("src", "Integration.Web", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order()];
}

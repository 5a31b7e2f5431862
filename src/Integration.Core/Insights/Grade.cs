using System.Text.Json.Serialization;

namespace Integration.Core.Insights;

/// <summary>A partner's quarterly performance grade; A is the best.</summary>
public enum Grade
{
    [JsonStringEnumMemberName("A")]
    A,

    [JsonStringEnumMemberName("B")]
    B,

    [JsonStringEnumMemberName("C")]
    C,
}

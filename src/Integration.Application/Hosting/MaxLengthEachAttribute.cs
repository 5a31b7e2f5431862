using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;

namespace Integration.Application.Hosting;

/// <summary>
/// Every element of a list of strings is at most <paramref name="length"/> characters. The OpenAPI documents show it
/// as the items' <c>maxLength</c> (ApiDocs.ElementLengths).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MaxLengthEachAttribute(int length) : ValidationAttribute("Each of {0} is at most {1} characters.")
{
    public int Length { get; } = length;

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, ErrorMessageString, JsonNamingPolicy.CamelCase.ConvertName(name), Length);

    public override bool IsValid(object? value) =>
        value is not IEnumerable<string?> texts || texts.All(t => t is null || t.Length <= Length);
}

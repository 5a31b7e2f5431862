using System.ComponentModel.DataAnnotations;

namespace Integration.Application.Hosting;

/// <summary>
/// A decimal the platform stores with a fixed number of places: more precision is refused rather than
/// cut off silently, so what a client sends is what it reads back and what prices are computed with.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MaxDecimalPlacesAttribute(int places) : ValidationAttribute($"{{0}} has at most {places} decimal places.")
{
    public int Places { get; } = places;

    public override bool IsValid(object? value) => value is not decimal number || decimal.Round(number, Places) == number;
}

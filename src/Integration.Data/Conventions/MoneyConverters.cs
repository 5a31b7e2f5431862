using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Integration.Data.Conventions;

/// <summary>
/// Money as integer minor units (fen): both providers sum, compare and order it exactly, which SQLite
/// cannot do with decimal columns. Amounts are rounded to 0.01 before they are stored.
/// </summary>
public sealed class MinorUnitsConverter() : ValueConverter<decimal, long>(
    amount => (long)(amount * 100m),
    minorUnits => minorUnits / 100m);

/// <summary>A rate (0.25 = 25%) stored as millionths, exact for every rate an agreement can state.</summary>
public sealed class RateConverter() : ValueConverter<decimal, long>(
    rate => (long)(rate * 1_000_000m),
    millionths => millionths / 1_000_000m);

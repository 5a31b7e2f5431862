namespace Integration.Core.Agreements;

/// <summary>A rate on the part of the year's cumulative net sales up to <see cref="UpTo"/> (null: everything above the last limit).</summary>
public sealed record ProfitShareBracket(decimal? UpTo, decimal Rate);

namespace Integration.Core.Agreements;

/// <summary>One term that differs between two versions, as people read it.</summary>
public sealed record TermChange(string Field, string? Before, string? After);

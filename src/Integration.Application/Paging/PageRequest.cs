namespace Integration.Application.Paging;

/// <summary>Which page of a list a service reads: at most <see cref="Limit"/> items after <see cref="Cursor"/> (the first page without one).</summary>
public sealed class PageRequest
{
    public const int DefaultLimit = 25;

    public int Limit { get; set; } = DefaultLimit;

    public string? Cursor { get; set; }
}

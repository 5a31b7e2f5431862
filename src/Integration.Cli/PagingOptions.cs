using System.CommandLine;

namespace Integration.Cli;

/// <summary>The <c>--all</c>, <c>--limit</c> and <c>--cursor</c> options of a list command.</summary>
internal sealed class PagingOptions
{
    public const int PageSize = 100;

    public Option<bool> All { get; } = new("--all") { Description = "Follow the cursors and print every item." };
    public Option<int?> Limit { get; } = new("--limit") { Description = "Print at most N items, reading as many pages as that takes." };
    public Option<string?> Cursor { get; } = new("--cursor") { Description = "Start at this cursor (the one the previous run printed)." };

    public PagingOptions(Command command)
    {
        Limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--limit must be 1 or more.");
            }
        });
        command.Options.Add(All);
        command.Options.Add(Limit);
        command.Options.Add(Cursor);
    }
}

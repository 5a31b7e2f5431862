using System.Reflection;
using Integration.Data;

namespace Integration.Api.Tests.Architecture;

/// <summary>
/// A write has one owner (<see cref="WriteScope"/>, docs/adr/0017): the database context
/// carries no request or transaction flags that other code sets and reads, and nothing on the commit
/// path keeps state in statics, which would leak from one request (or one test host) into another.
/// </summary>
public sealed class CommitPathTests
{
    private static readonly Type[] Contexts =
        typeof(IntegrationDbContext).Assembly.GetTypes().Where(t => typeof(IntegrationDbContext).IsAssignableFrom(t)).ToArray();

    [Fact]
    public void The_database_context_carries_no_flags()
    {
        Assert.Contains(typeof(SqliteIntegrationDbContext), Contexts); // the rule sees the provider contexts too
        var flags = Contexts
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(p => p.PropertyType == typeof(bool) || p.PropertyType == typeof(bool?))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        Assert.Empty(flags);
    }

    [Fact]
    public void The_commit_path_keeps_no_mutable_static_state()
    {
        Type[] commitPath = [typeof(WriteScope), typeof(UnsequencedEvents), typeof(WriterTurn), .. Contexts];
        var statics = commitPath
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.Name.Contains('<')) // compiler-made backing fields of statics are named <…>
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}");
        Assert.Empty(statics);
    }
}

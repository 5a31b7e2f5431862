using System.Reflection;
using Integration.Core.Orders;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;

namespace Integration.Api.Tests.Architecture;

/// <summary>
/// The house matches its map (docs/adr, architecture.md): business rules in Core know nothing of HTTP or storage,
/// storage knows nothing of HTTP, and no feature reaches into another feature's internals.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Core = typeof(Order).Assembly;
    private static readonly Assembly Data = typeof(IntegrationDbContext).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    [Fact]
    public void The_checker_sees_dependencies_that_exist()
    {
        // Guards against a rule that passes because nothing is found: the Api does use ASP.NET Core and EF Core.
        Assert.False(Types.InAssembly(Api).ShouldNot().HaveDependencyOn("Microsoft.AspNetCore.Mvc").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Data).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult().IsSuccessful);
    }

    [Fact]
    public void Core_knows_nothing_of_HTTP_storage_or_the_other_projects()
    {
        AssertNone(Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(
            "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "StackExchange.Redis", "OpenIddict",
            "Integration.Data", "Integration.Api", "Integration.Sandbox"));
    }

    [Fact]
    public void Storage_knows_nothing_of_the_HTTP_surface()
    {
        AssertNone(Types.InAssembly(Data).ShouldNot().HaveDependencyOnAny(
            "Integration.Api", "Integration.Sandbox", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Http", "Asp.Versioning", "Swashbuckle"));
    }

    [Fact]
    public void Controllers_do_not_call_controllers()
    {
        var controllers = Api.GetTypes().Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        var wrong = controllers.SelectMany(controller => Types.InAssembly(Api).That().HaveNameMatching($"^{controller.Name}$").And().ResideInNamespace(controller.Namespace)
                .ShouldNot().HaveDependencyOnAny([.. controllers.Where(c => c != controller).Select(c => c.FullName!)])
                .GetResult().FailingTypeNames ?? [])
            .ToList();
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("Integration.Core")]
    [InlineData("Integration.Api")]
    public void No_feature_uses_another_features_internals(string project)
    {
        var assembly = project == "Integration.Core" ? Core : Api;
        var features = assembly.GetTypes().Select(FeatureOf).OfType<string>().Distinct().ToList();
        var wrong = new List<string>();
        foreach (var feature in features)
        {
            var internals = assembly.GetTypes()
                .Where(t => FeatureOf(t) == feature && !t.IsVisible && !t.IsNested && !IsCompilerGenerated(t))
                .Select(t => t.FullName!).ToArray();
            if (internals.Length == 0)
            {
                continue;
            }
            var result = Types.InAssembly(assembly).That().DoNotResideInNamespace($"{project}.{feature}")
                .ShouldNot().HaveDependencyOnAny(internals).GetResult();
            wrong.AddRange((result.FailingTypeNames ?? []).Select(t => $"{t} uses internals of {feature}"));
        }
        Assert.Empty(wrong);
    }

    private static string? FeatureOf(Type type) =>
        type.Namespace?.Split('.') is [_, _, var feature, ..] ? feature : null;

    private static bool IsCompilerGenerated(Type type) =>
        type.Name.StartsWith('<') || type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute));

    private static void AssertNone(ConditionList rule) => Assert.Empty(rule.GetResult().FailingTypeNames ?? []);
}

using System.Reflection;
using Integration.Application.Hosting;
using Integration.Core.Orders;
using Integration.Data;
using Integration.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using NetArchTest.Rules;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.Tests.Architecture;

/// <summary>
/// The house matches its map (docs/adr, architecture.md): business rules in Core know nothing of HTTP or storage,
/// storage knows nothing of HTTP, and no feature reaches into another feature's internals.
/// Dependencies run one way: Api → Sandbox → Application → Data → Core (docs/adr/0019-application-and-sandbox-projects.md).
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Core = typeof(Order).Assembly;
    private static readonly Assembly Data = typeof(IntegrationDbContext).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;
    private static readonly Assembly Application = typeof(ContractJson).Assembly;
    private static readonly Assembly Sandbox = typeof(SandboxOptions).Assembly;

    // What a web host brings; the business services are called by the API and, later, the portal, so they use none of it.
    private static readonly string[] HttpSurface =
        ["Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Routing", "Asp.Versioning", "Swashbuckle", "Microsoft.OpenApi"];

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
    public void Business_services_know_nothing_of_the_host_the_sandbox_or_HTTP()
    {
        AssertNone(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(["Integration.Api", "Integration.Sandbox", .. HttpSurface]));
    }

    [Fact]
    public void The_sandbox_does_not_reach_into_the_host()
    {
        AssertNone(Types.InAssembly(Sandbox).ShouldNot().HaveDependencyOnAny(["Integration.Api", .. HttpSurface]));
    }

    [Fact]
    public void The_hosts_sandbox_folder_holds_only_its_HTTP_surface()
    {
        // Controllers, their contracts, filters and attributes, middleware and document filters; the sandbox's logic lives in sandbox/Integration.Sandbox.
        var contracts = ContractsOfControllers();
        var wrong = Api.GetTypes()
            .Where(t => t.Namespace == "Integration.Api.Sandbox" && !t.IsNested && !IsCompilerGenerated(t))
            .Where(t => !typeof(ControllerBase).IsAssignableFrom(t) && !typeof(Attribute).IsAssignableFrom(t) && !typeof(IFilterMetadata).IsAssignableFrom(t)
                && !typeof(IDocumentFilter).IsAssignableFrom(t) && !IsMiddleware(t) && !contracts.Contains(t))
            .Select(t => t.FullName!)
            .ToList();
        Assert.Empty(wrong);
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
    [InlineData("Integration.Application")]
    [InlineData("Integration.Sandbox")]
    [InlineData("Integration.Api")]
    public void No_feature_uses_another_features_internals(string project)
    {
        var assembly = project switch { "Integration.Core" => Core, "Integration.Application" => Application, "Integration.Sandbox" => Sandbox, _ => Api };
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

    private static bool IsMiddleware(Type type) =>
        type.GetMethod("InvokeAsync") is { } invoke && invoke.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(HttpContext);

    /// <summary>The Api's types that controller actions take or answer, and the types those are made of.</summary>
    private static HashSet<Type> ContractsOfControllers()
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(Api.GetTypes().Where(t => typeof(ControllerBase).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
        while (pending.TryPop(out var type))
        {
            if (type.HasElementType)
            {
                pending.Push(type.GetElementType()!);
                continue;
            }
            foreach (var argument in type.GenericTypeArguments)
            {
                pending.Push(argument);
            }
            if (type.Assembly == Api && found.Add(type))
            {
                foreach (var property in type.GetProperties())
                {
                    pending.Push(property.PropertyType);
                }
            }
        }
        return found;
    }

    private static string? FeatureOf(Type type) =>
        type.Namespace?.Split('.') is [_, _, var feature, ..] ? feature : null;

    private static bool IsCompilerGenerated(Type type) =>
        type.Name.StartsWith('<') || type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute));

    private static void AssertNone(ConditionList rule) => Assert.Empty(rule.GetResult().FailingTypeNames ?? []);
}

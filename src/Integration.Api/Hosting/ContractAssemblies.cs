using System.Reflection;
using Integration.Application.Hosting;
using Integration.Sandbox.Clocks;

namespace Integration.Api.Hosting;

/// <summary>
/// Where the API's contracts are declared: the host's own, the business services' (they take and answer
/// most of them) and the sandbox's (the time machine's answers). JSON rules and documentation apply to these.
/// </summary>
public static class ContractAssemblies
{
    public static readonly IReadOnlyList<Assembly> All = [typeof(ContractAssemblies).Assembly, typeof(ContractJson).Assembly, typeof(SandboxTimeMachine).Assembly];

    public static bool Declare(Type type) => All.Contains(type.Assembly);
}

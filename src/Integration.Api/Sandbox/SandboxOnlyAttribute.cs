using Integration.Api.OAuth;
using Integration.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Integration.Api.Sandbox;

/// <summary>Sandbox-only endpoints do not exist for live credentials: 404, like any unknown path.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SandboxOnlyAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (context.HttpContext.GetCaller()?.Environment != ApiEnvironment.Sandbox)
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}

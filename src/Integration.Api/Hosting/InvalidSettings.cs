using Microsoft.Extensions.Options;
using Integration.Application.Hosting;

namespace Integration.Api.Hosting;

/// <summary>A platform started with a wrong setting stops with a line per problem (see <c>SettingsValidation</c>) and an exit code.</summary>
public static class InvalidSettings
{
    public const int InvalidSettingsExitCode = 3;

    /// <summary>Validates every setting checked at start-up; when one is wrong, says so on stderr and returns the exit code.</summary>
    public static int? ExplainInvalidSettings(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (Exception e) when (Failures(e) is { Count: > 0 } failures && !InTestHost(app))
        {
            Console.Error.WriteLine("The platform did not start: its configuration is not valid.");
            foreach (var failure in failures)
            {
                Console.Error.WriteLine($"  {failure}");
            }
            Console.Error.WriteLine("Settings come from appsettings.json, appsettings.{Environment}.json, environment variables (Api__MaxRequestBodyBytes) and arguments (--Api:MaxRequestBodyBytes=…); see docs/operations.md.");
            return InvalidSettingsExitCode;
        }
    }

    // In-process test hosts (WebApplicationFactory) see a failed start as the exception, as before.
    private static bool InTestHost(WebApplication app) =>
        app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.GetType().Assembly.GetName().Name == "Microsoft.AspNetCore.TestHost";

    private static List<string> Failures(Exception e) => e switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all when all.InnerExceptions.All(i => i is OptionsValidationException) => [.. all.InnerExceptions.SelectMany(Failures)],
        _ => [],
    };
}

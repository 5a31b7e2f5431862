using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Integration.Api.Hosting;

/// <summary>
/// Settings are checked before the platform touches its database or serves: a wrong one stops it
/// with a line per problem that names the setting as it is configured (<c>Api:MaxRequestBodyBytes</c>)
/// and what is allowed, instead of a stack trace at start-up or a failure at the first request.
/// </summary>
public static class SettingsValidation
{
    public const int InvalidSettingsExitCode = 3;

    /// <summary>The section's data annotations, checked at start-up, failures named by their configuration key.</summary>
    public static OptionsBuilder<TOptions> ValidateSettings<TOptions>(this OptionsBuilder<TOptions> options, string section) where TOptions : class
    {
        options.Services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(options.Name, section));
        return options.ValidateOnStart();
    }

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

    private sealed class SectionValidator<TOptions>(string? name, string section) : IValidateOptions<TOptions> where TOptions : class
    {
        public ValidateOptionsResult Validate(string? optionsName, TOptions options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }
            return ValidateOptionsResult.Fail(results.Select(r =>
                $"{section}:{string.Join(", ", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Integration.Application.Hosting;

/// <summary>
/// Settings are checked before the platform touches its database or serves: a wrong one stops it
/// with a line per problem that names the setting as it is configured (<c>Api:MaxRequestBodyBytes</c>)
/// and what is allowed, instead of a stack trace at start-up or a failure at the first request.
/// </summary>
public static class SettingsValidation
{
    /// <summary>The section's data annotations, checked at start-up, failures named by their configuration key.</summary>
    public static OptionsBuilder<TOptions> ValidateSettings<TOptions>(this OptionsBuilder<TOptions> options, string section) where TOptions : class
    {
        options.Services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(options.Name, section));
        return options.ValidateOnStart();
    }

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

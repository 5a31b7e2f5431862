using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Integration.Api.Hosting;

/// <summary>
/// <see cref="RegularExpressionAttribute"/> lets an empty string through (it leaves emptiness to [Required]), while
/// the documented pattern refuses it: an empty <c>regionCode</c> made a partner in no region. Here "" must match the
/// pattern too, so what the contract declares is what is enforced.
/// </summary>
public sealed class EmptyStringsMatchPatterns : IModelValidatorProvider
{
    public void CreateValidators(ModelValidatorProviderContext context)
    {
        if (context.ModelMetadata.ModelType != typeof(string))
        {
            return;
        }
        foreach (var pattern in context.ValidatorMetadata.OfType<RegularExpressionAttribute>().ToList())
        {
            context.Results.Add(new ValidatorItem(pattern) { Validator = new EmptyStringValidator(pattern), IsReusable = true });
        }
    }

    private sealed class EmptyStringValidator(RegularExpressionAttribute pattern) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context) =>
            context.Model is "" && !Regex.IsMatch("", pattern.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1))
                ? [new ModelValidationResult("", pattern.FormatErrorMessage(context.ModelMetadata.Name ?? context.ModelMetadata.PropertyName ?? "value"))]
                : [];
    }
}

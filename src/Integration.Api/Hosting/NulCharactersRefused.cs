using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Integration.Application.Hosting;

namespace Integration.Api.Hosting;

/// <summary>
/// A request string with U+0000 in it, free text included, is a 400 naming the field: PostgreSQL cannot store the
/// character in text (it was a 500 there), and no name, note or reference needs it. Identifiers refuse every
/// control character already (<see cref="IdentifierAttribute"/>), and their message comes first.
/// </summary>
public sealed class NulCharactersRefused : IModelValidatorProvider
{
    public void CreateValidators(ModelValidatorProviderContext context)
    {
        // On the member, lists of strings included, so an identifier's own message (on the member) is not preempted.
        var metadata = context.ModelMetadata;
        if (metadata.MetadataKind == ModelMetadataKind.Property
            && (metadata.ModelType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(metadata.ModelType)))
        {
            context.Results.Add(new ValidatorItem { Validator = new NulValidator(), IsReusable = true });
        }
    }

    private sealed class NulValidator : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            var texts = context.Model switch
            {
                string text => [text],
                IEnumerable<string?> list => list,
                _ => [],
            };
            return texts.Any(text => text?.Contains('\0', StringComparison.Ordinal) == true)
                ? [new ModelValidationResult("", $"{JsonNamingPolicy.CamelCase.ConvertName(context.ModelMetadata.Name ?? "value")} must not contain the NUL character (U+0000).")]
                : [];
        }
    }
}

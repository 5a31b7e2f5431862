using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Integration.Api.Hosting;

/// <summary>
/// Query and route timestamps are bound as the instant they name, in UTC (<c>2026-12-01T00:00:00+14:00</c> is
/// <c>2026-11-30T10:00:00Z</c>), as bodies are: PostgreSQL compares timestamps in UTC only, and any other offset was a 500
/// there. A value without an offset is taken as UTC, as the shipped SDK sends it.
/// </summary>
public sealed class UtcQueryTimestampBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(DateTimeOffset) && context.BindingInfo.BindingSource != BindingSource.Body ? new UtcQueryTimestampBinder() : null;
    }

    private sealed class UtcQueryTimestampBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (value == ValueProviderResult.None || string.IsNullOrWhiteSpace(value.FirstValue))
            {
                return Task.CompletedTask;
            }
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
            if (DateTimeOffset.TryParse(value.FirstValue, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                bindingContext.Result = ModelBindingResult.Success(instant.ToUniversalTime());
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"'{value.FirstValue}' is not a date-time such as 2026-03-31T16:00:00Z.");
            }
            return Task.CompletedTask;
        }
    }
}

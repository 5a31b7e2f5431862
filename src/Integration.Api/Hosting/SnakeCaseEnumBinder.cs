using System.Reflection;
using System.Text.Json.Serialization;
using Integration.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Integration.Api.Hosting;

/// <summary>
/// Query and route enums spelled as the JSON spells them (<c>?status=awaiting_payment</c>), not as C# does;
/// anything else is a 400 naming the accepted values.
/// </summary>
public sealed class SnakeCaseEnumBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type.IsEnum && context.BindingInfo.BindingSource != BindingSource.Body ? new SnakeCaseEnumBinder(type) : null;
    }

    private sealed class SnakeCaseEnumBinder(Type enumType) : IModelBinder
    {
        private readonly Dictionary<string, object> _values = Enum.GetNames(enumType).ToDictionary(
            name => enumType.GetField(name)!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? SnakeCase.From(name),
            name => Enum.Parse(enumType, name), StringComparer.Ordinal);

        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (value == ValueProviderResult.None || string.IsNullOrEmpty(value.FirstValue))
            {
                return Task.CompletedTask;
            }
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
            if (_values.TryGetValue(value.FirstValue, out var parsed))
            {
                bindingContext.Result = ModelBindingResult.Success(parsed);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    $"'{value.FirstValue}' is not one of: {string.Join(", ", _values.Keys)}.");
            }
            return Task.CompletedTask;
        }
    }
}

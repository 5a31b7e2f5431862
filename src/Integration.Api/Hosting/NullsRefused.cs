using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Integration.Api.Hosting;

/// <summary>
/// The request contracts' nullable annotations, enforced when a body is read: a JSON <c>null</c> for a
/// property that is not nullable, or a <c>null</c> element in a list whose elements are not, is refused
/// as a 400 naming the field, instead of reaching the code as a null it was promised it would not get.
/// </summary>
public static class NullsRefused
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static void Modify(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !ContractAssemblies.Declare(type.Type))
        {
            return;
        }
        foreach (var property in type.Properties)
        {
            if (property.Set is not { } set || property.AttributeProvider is not PropertyInfo member || member.PropertyType.IsValueType)
            {
                continue;
            }
            NullabilityInfo nullability;
            lock (Nullability)
            {
                nullability = Nullability.Create(member);
            }
            var valueRequired = nullability.WriteState == NullabilityState.NotNull;
            var elements = nullability.ElementType ?? (nullability.GenericTypeArguments is [var only] && typeof(IEnumerable).IsAssignableFrom(member.PropertyType) ? only : null);
            var elementsRequired = elements is { ReadState: NullabilityState.NotNull } && !elements.Type.IsValueType;
            if (!valueRequired && !elementsRequired)
            {
                continue;
            }
            var name = property.Name;
            property.Set = (target, value) =>
            {
                if (value is null && valueRequired)
                {
                    throw new JsonException($"{name} must not be null.");
                }
                if (elementsRequired && value is IEnumerable list && list.Cast<object?>().Any(element => element is null))
                {
                    throw new JsonException($"{name} must not contain null elements.");
                }
                set(target, value);
            };
        }
    }
}

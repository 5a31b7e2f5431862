using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Integration.Api.Hosting;

/// <summary>
/// The request contracts' nullable annotations, enforced when a body is read: a JSON <c>null</c> for a
/// property that is not nullable, or a <c>null</c> element in a list whose elements are not, is refused
/// as a 400 naming the field, instead of reaching the code as a null it was promised it would not get.
/// A member the documents describe by reference (an enum or an object, see <see cref="ApiDocs.NullableReferences"/>)
/// is optional, not nullable: it is left out to say "no value", and a <c>null</c> for it is refused too.
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
            if (property.Set is not { } set || property.AttributeProvider is not PropertyInfo member)
            {
                continue;
            }
            if (member.PropertyType.IsValueType)
            {
                if (Nullable.GetUnderlyingType(member.PropertyType) is { IsEnum: true })
                {
                    var enumName = property.Name;
                    property.Set = (target, value) => set(target, value ?? throw new JsonException($"{enumName} must not be null; leave it out to give no value."));
                }
                continue;
            }
            NullabilityInfo nullability;
            lock (Nullability)
            {
                nullability = Nullability.Create(member);
            }
            var valueRequired = nullability.WriteState == NullabilityState.NotNull || DescribedByReference(member.PropertyType);
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
                    throw new JsonException(nullability.WriteState == NullabilityState.NotNull
                        ? $"{name} must not be null."
                        : $"{name} must not be null; leave it out to give no value.");
                }
                if (elementsRequired && value is IEnumerable list && list.Cast<object?>().Any(element => element is null))
                {
                    throw new JsonException($"{name} must not contain null elements.");
                }
                set(target, value);
            };
        }
    }

    private static bool DescribedByReference(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && ContractAssemblies.Declare(type);
}

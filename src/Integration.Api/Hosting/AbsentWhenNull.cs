using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Integration.Api.Hosting;

/// <summary>
/// An answer leaves out a member whose type is an enum or an object of the contract when it has no value (an order
/// without <c>shipTo</c>, an order's first event without <c>from</c>), instead of writing <c>null</c>. The documents
/// describe such a member as a reference to its schema, and OpenAPI 3.0 validators (Prism, and partners' own) refuse
/// <c>null</c> there whatever <c>nullable</c> says beside the reference. Absent reads as null in every generated client.
/// </summary>
public static class AbsentWhenNull
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
            if (property.AttributeProvider is PropertyInfo member && IsReferenceToASchema(member))
            {
                property.ShouldSerialize = (_, value) => value is not null;
            }
        }
    }

    private static bool IsReferenceToASchema(PropertyInfo member)
    {
        var type = member.PropertyType;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return underlying.IsEnum;
        }
        var described = type.Assembly.GetName().Name?.StartsWith("Integration.", StringComparison.Ordinal) == true
            || typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(type); // a problem held by an answer (a failed clock advance)
        if (type.IsValueType || typeof(IEnumerable).IsAssignableFrom(type) || !described)
        {
            return false;
        }
        lock (Nullability)
        {
            return Nullability.Create(member).ReadState == NullabilityState.Nullable;
        }
    }
}

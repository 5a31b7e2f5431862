using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Integration.Application.Customers;

/// <summary>
/// A type's validation attributes, found once, checked directly: a valid object (almost every bulk row) costs a few
/// attribute calls instead of <see cref="Validator"/>'s reflection and allocations per property. Only an object that
/// fails goes through <see cref="Validator"/> itself, so the errors and their messages are exactly the attributes'.
/// </summary>
internal static class AttributeChecks<T>
    where T : class
{
    private static readonly (Func<T, object?> Value, ValidationAttribute[] Attributes)[] Properties =
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (Getter(p), p.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray()))
            .Where(p => p.Item2.Length > 0)];

    // Attributes that need the object or its context, or a type that validates itself, take the general path.
    private static readonly bool Direct = !typeof(IValidatableObject).IsAssignableFrom(typeof(T))
        && !typeof(T).GetCustomAttributes<ValidationAttribute>(inherit: true).Any()
        && Properties.All(p => p.Attributes.All(a => !a.RequiresValidationContext));

    /// <summary>Whether <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}?, bool)"/> (all properties) finds nothing.</summary>
    public static bool AreMet(T value)
    {
        if (!Direct)
        {
            return Validator.TryValidateObject(value, new ValidationContext(value), null, validateAllProperties: true);
        }
        foreach (var (read, attributes) in Properties)
        {
            var property = read(value);
            foreach (var attribute in attributes)
            {
                if (!attribute.IsValid(property))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static Func<T, object?> Getter(PropertyInfo property)
    {
        var getter = property.GetGetMethod()!;
        if (property.PropertyType.IsValueType)
        {
            return value => getter.Invoke(value, null);
        }
        return (Func<T, object?>)Delegate.CreateDelegate(typeof(Func<T, object?>), getter);
    }
}

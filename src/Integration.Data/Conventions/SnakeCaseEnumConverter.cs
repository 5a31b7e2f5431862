using System.Reflection;
using Integration.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Integration.Data.Conventions;

/// <summary>Stores an enum as the same lower_snake_case string the API shows, so the data reads like the docs.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => SnakeCase.Of(value),
    stored => SnakeCase.Parse<TEnum>(stored))
    where TEnum : struct, Enum;

public static class EnumConventions
{
    public static void StoreEnumsAsSnakeCaseStrings(this ModelConfigurationBuilder builder, Assembly domainAssembly)
    {
        foreach (var enumType in domainAssembly.GetTypes().Where(t => t.IsEnum && t.IsPublic))
        {
            builder.Properties(enumType)
                .HaveConversion(typeof(SnakeCaseEnumConverter<>).MakeGenericType(enumType))
                .HaveMaxLength(32);
        }
    }
}

using System.Reflection;
using System.Xml.Linq;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>The package's public surface, as a partner's IDE shows it.</summary>
public sealed class SdkSurfaceTests
{
    [Fact]
    public void EveryPublicMember_HasXmlDocumentation()
    {
        var assembly = typeof(PartnerClient).Assembly;
        var documented = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"))
            .Descendants("member").Where(m => m.Element("summary") is not null || m.Element("inheritdoc") is not null)
            .Select(m => m.Attribute("name")!.Value).ToHashSet();

        var undocumented = new List<string>();
        var checkedMembers = 0;
        foreach (var type in assembly.GetExportedTypes())
        {
            Check($"T:{Name(type)}");
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                switch (member)
                {
                    case PropertyInfo property:
                        Check($"P:{Name(type)}.{property.Name}");
                        break;
                    case FieldInfo field when !type.IsEnum || field.IsLiteral:
                        Check($"F:{Name(type)}.{field.Name}");
                        break;
                    case MethodInfo method when !method.IsSpecialName && method.DeclaringType == type && !IsObjectOverride(method):
                        Check($"M:{Name(type)}.{method.Name}", prefix: true);
                        break;
                }
            }
        }
        Assert.True(checkedMembers > 400, $"only {checkedMembers} members found: is the surface being read?");
        Assert.True(undocumented.Count == 0, "undocumented: " + string.Join(", ", undocumented));

        void Check(string id, bool prefix = false)
        {
            checkedMembers++;
            if (prefix ? !documented.Any(d => d.StartsWith(id + "(", StringComparison.Ordinal) || d == id || d.StartsWith(id + "``", StringComparison.Ordinal)) : !documented.Contains(id))
            {
                undocumented.Add(id);
            }
        }
    }

    private static string Name(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static bool IsObjectOverride(MethodInfo method) =>
        method.Name is "ToString" or "Equals" or "GetHashCode" or "Deconstruct" or "<Clone>$" or "PrintMembers";
}

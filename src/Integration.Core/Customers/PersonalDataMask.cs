using System.Globalization;
using System.Text;

namespace Integration.Core.Customers;

/// <summary>
/// How personal data reads without <c>customers:pii:read</c> (domain.md › Customers): phone <c>138****1234</c>
/// (first 3 and last 4 digits), e-mail <c>z***@example.com</c>, name's first character then <c>*</c> for each other
/// character (<c>张**</c>); the address keeps only its city-level region (see <see cref="CustomerAddress.Masked"/>).
/// </summary>
public static class PersonalDataMask
{
    public static string Phone(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 8 ? "****" : $"{digits[..3]}****{digits[^4..]}";
    }

    public static string Email(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : $"{FirstOf(email[..at])}***{email[at..]}";
    }

    public static string Name(string name)
    {
        var characters = StringInfo.GetTextElementEnumerator(name);
        var masked = new StringBuilder();
        while (characters.MoveNext())
        {
            masked.Append(masked.Length == 0 ? characters.GetTextElement() : "*");
        }
        return masked.ToString();
    }

    private static string FirstOf(string text) => StringInfo.GetNextTextElement(text, 0);
}

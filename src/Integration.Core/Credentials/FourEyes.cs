using Integration.Core.Common;

namespace Integration.Core.Credentials;

/// <summary>The person who asked for something is not the one who approves it (domain.md › Internal roles).</summary>
public static class FourEyes
{
    public static void Ensure(string requestedBy, string approver, string what)
    {
        if (string.Equals(requestedBy, approver, StringComparison.Ordinal))
        {
            throw new DomainException(ErrorKind.Forbidden, "four_eyes_required",
                $"The {what} was made by this same person; a different person must approve it.");
        }
    }
}

using Integration.Core.Common;

namespace Integration.Core.Credentials;

/// <summary>
/// The one map from internal roles to the <see cref="AdminPermission"/>s they grant (domain.md › Internal roles;
/// docs/adr/0021). Every role reads (<see cref="AdminPermission.Read"/>); every role that handles cases marks reminders done. <c>admin</c> manages people, roles and
/// internal credentials and runs the platform itself (catalog, brand stock, fulfilment, request log), but holds
/// none of the business decisions that have an owner: approving live credentials, money, disputes, signing, freezes.
/// </summary>
public static class RolePermissions
{
    /// <summary>What every role holds: reading, and rotating the caller's own internal credential.</summary>
    private static readonly string[] Everyone = [AdminPermission.Read, AdminPermission.RemindersRead, AdminPermission.OwnCredentialRotate];

    public static IReadOnlyDictionary<InternalRole, IReadOnlySet<string>> Map { get; } = new Dictionary<InternalRole, IReadOnlySet<string>>
    {
        [InternalRole.Viewer] = Grant(),
        [InternalRole.Onboarding] = Grant(
            AdminPermission.RemindersManage,
            AdminPermission.PartnersWrite, AdminPermission.ApplicationsReview, AdminPermission.DocumentsRead,
            AdminPermission.AgreementsEdit, AdminPermission.LiveCredentialsRequest, AdminPermission.PartnerUsersCreate),
        [InternalRole.Credentials] = Grant(
            AdminPermission.RemindersManage,
            AdminPermission.LiveCredentialsApprove, AdminPermission.CredentialsManage, AdminPermission.RequestLogRead),
        [InternalRole.Finance] = Grant(
            AdminPermission.RemindersManage,
            AdminPermission.SettlementsClose, AdminPermission.SubsidiesRecord, AdminPermission.PaymentsRecord,
            AdminPermission.PayoutsRetry, AdminPermission.RatingsAccept, AdminPermission.RatingsPropose),
        [InternalRole.RegionalManager] = Grant(AdminPermission.RemindersManage, AdminPermission.DisputesResolve, AdminPermission.DisputesResolveLevel1),
        [InternalRole.Legal] = Grant(
            AdminPermission.RemindersManage,
            AdminPermission.AgreementsSign, AdminPermission.DocumentsRead, AdminPermission.DisputesResolve, AdminPermission.DisputesResolveLevel2),
        [InternalRole.Risk] = Grant(
            AdminPermission.RemindersManage,
            AdminPermission.PartnersFreeze, AdminPermission.DisputesResolve, AdminPermission.DisputesResolveLevel3,
            AdminPermission.RatingsAccept, AdminPermission.RatingsPropose, AdminPermission.AuditRead),
        [InternalRole.Admin] = Grant(
            AdminPermission.InternalCredentialsManage, AdminPermission.PeopleManage, AdminPermission.PartnerUsersCreate, AdminPermission.AuditRead,
            AdminPermission.CatalogWrite, AdminPermission.OrdersOperate, AdminPermission.RequestLogRead, AdminPermission.InsightsRebuild,
            AdminPermission.RatingsPropose),
    };

    /// <summary>Every permission an admin endpoint can declare: the constants of <see cref="AdminPermission"/>.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AdminPermission).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    public static bool Grants(IEnumerable<InternalRole> roles, string permission) =>
        roles.Any(role => Map[role].Contains(permission));

    public static IReadOnlyList<InternalRole> RolesGranting(string permission) =>
        Map.Where(pair => pair.Value.Contains(permission)).Select(pair => pair.Key).ToList();

    /// <summary>The refusal of a caller whose roles do not grant <paramref name="permission"/> (403 <c>insufficient_role</c>).</summary>
    public static DomainException Refusal(string permission, IReadOnlyCollection<InternalRole> held) =>
        new(ErrorKind.Forbidden, "insufficient_role",
            $"This needs the permission '{permission}', which the role(s) {string.Join(", ", RolesGranting(permission).Select(SnakeCase.Of))} grant. "
            + $"The caller holds: {(held.Count == 0 ? "no roles" : InternalRoles.Format(held))}.");

    private static HashSet<string> Grant(params string[] permissions) => [.. Everyone, .. permissions];
}

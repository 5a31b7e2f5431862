using Integration.Core.Credentials;

namespace Integration.Core.Disputes;

public enum DisputeAssignee
{
    RegionalManager,
    Legal,
    RiskCommittee,
}

/// <summary>domain.md › Disputes: the level, who handles it and its rule, by amount.</summary>
public static class DisputeLevels
{
    public const int Highest = 3;
    public const decimal LevelTwoFrom = 50_000m;
    public const decimal LevelThreeAbove = 500_000m;
    public static readonly TimeSpan LevelOneSla = TimeSpan.FromHours(48);

    public static int For(decimal amount) => amount switch
    {
        < LevelTwoFrom => 1,
        <= LevelThreeAbove => 2,
        _ => 3,
    };

    public static DisputeAssignee AssigneeOf(int level) => level switch
    {
        1 => DisputeAssignee.RegionalManager,
        2 => DisputeAssignee.Legal,
        _ => DisputeAssignee.RiskCommittee,
    };

    /// <summary>Who may resolve a dispute of <paramref name="level"/> (domain.md › Internal roles).</summary>
    public static string PermissionToResolve(int level) => level switch
    {
        1 => AdminPermission.DisputesResolveLevel1,
        2 => AdminPermission.DisputesResolveLevel2,
        _ => AdminPermission.DisputesResolveLevel3,
    };

    /// <summary>Four-eyes: a level-3 resolution is proposed by one risk person and approved by another.</summary>
    public static bool NeedsSecondPerson(int level) => level == Highest;

    /// <summary>The level whose open disputes freeze the partner's account (in the dispute's environment) until resolved; stores' queries compare with it.</summary>
    public const int FreezingLevel = Highest;

    /// <summary>Level 3 freezes the partner's account (in the dispute's environment) until it is resolved.</summary>
    public static bool FreezesAccount(int level) => level == FreezingLevel;
}

namespace ServerlessHub.Hubs;

/// <summary>What a person does in the hub.</summary>
public enum PersonRole
{
    /// <summary>联络员: submits reports for the unit.</summary>
    Liaison,
    /// <summary>牵头单位 / 办公室: receives escalations, may urge (催报) and ask who is missing.</summary>
    Coordinator,
    /// <summary>分管领导 / 领导小组: receives the last escalation and digests.</summary>
    Leader,
}

/// <summary>A member of the hub.</summary>
/// <param name="UserId">The WeCom user id (1–64 of letters, digits and <c>_-@.</c>; WeCom compares it ignoring case).</param>
/// <param name="Name">The display name.</param>
/// <param name="UnitId">The unit the person belongs to; required for liaisons.</param>
/// <param name="Roles">The person's roles, at least one, each once.</param>
public sealed record Person(string UserId, string Name, string? UnitId, IReadOnlyList<PersonRole> Roles)
{
    /// <summary>Whether the person has <paramref name="role"/>.</summary>
    public bool HasRole(PersonRole role) => Roles.Contains(role);
}

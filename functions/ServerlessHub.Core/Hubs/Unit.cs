namespace ServerlessHub.Hubs;

/// <summary>A member unit (成员单位) of the hub.</summary>
/// <param name="Id">The unit's id within the hub.</param>
/// <param name="Name">The display name, e.g. 秣陵中心幼儿园.</param>
public sealed record Unit(string Id, string Name);

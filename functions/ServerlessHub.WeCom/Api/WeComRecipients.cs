namespace ServerlessHub.WeCom.Api;

/// <summary>Who receives an app message: members (touser), departments (toparty) and tags (totag), at least one.</summary>
public sealed class WeComRecipients
{
    /// <summary>Creates a recipient set; WeCom judges whether the ids exist and are in the app's visible range.</summary>
    /// <param name="userIds">Member user ids, or <c>@all</c> for every member in the app's visible range.</param>
    /// <param name="partyIds">Department ids.</param>
    /// <param name="tagIds">Tag ids.</param>
    /// <exception cref="ArgumentException">No id was given, or an id is empty or contains the separator <c>|</c>.</exception>
    public WeComRecipients(IEnumerable<string>? userIds = null, IEnumerable<string>? partyIds = null, IEnumerable<string>? tagIds = null)
    {
        UserIds = Checked(userIds, nameof(userIds));
        PartyIds = Checked(partyIds, nameof(partyIds));
        TagIds = Checked(tagIds, nameof(tagIds));
        if (UserIds.Count + PartyIds.Count + TagIds.Count == 0)
        {
            throw new ArgumentException("At least one user, department or tag is required (touser, toparty and totag cannot all be empty).");
        }
    }

    /// <summary>Every member in the app's visible range (<c>"touser":"@all"</c>).</summary>
    public static WeComRecipients AllMembers { get; } = new(["@all"]);

    /// <summary>Member user ids.</summary>
    public IReadOnlyList<string> UserIds { get; }

    /// <summary>Department ids.</summary>
    public IReadOnlyList<string> PartyIds { get; }

    /// <summary>Tag ids.</summary>
    public IReadOnlyList<string> TagIds { get; }

    /// <summary>A recipient set of members only.</summary>
    public static WeComRecipients Users(params IEnumerable<string> userIds) => new(userIds);

    internal string? ToUser => Joined(UserIds);

    internal string? ToParty => Joined(PartyIds);

    internal string? ToTag => Joined(TagIds);

    private static string? Joined(IReadOnlyList<string> ids) => ids.Count == 0 ? null : string.Join('|', ids);

    private static string[] Checked(IEnumerable<string>? ids, string parameterName)
    {
        var list = ids?.ToArray() ?? [];
        if (list.Any(id => string.IsNullOrEmpty(id) || id.Contains('|', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Ids must be non-empty and must not contain '|'.", parameterName);
        }

        return list;
    }
}

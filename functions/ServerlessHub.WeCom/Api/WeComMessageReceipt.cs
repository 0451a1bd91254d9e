namespace ServerlessHub.WeCom.Api;

/// <summary>
/// WeCom's answer to an accepted app message: its id and the recipients it could not deliver to.
/// A message can be accepted while some recipients are invalid; when all are, WeCom fails the call with 81013.
/// </summary>
/// <param name="messageId">The <c>msgid</c>, usable to recall the message.</param>
/// <param name="invalidUserIds">Members that do not exist or are outside the app's visible range (<c>invaliduser</c>).</param>
/// <param name="invalidPartyIds">Departments likewise (<c>invalidparty</c>).</param>
/// <param name="invalidTagIds">Tags likewise (<c>invalidtag</c>).</param>
/// <param name="unlicensedUserIds">Members in range but without a licence for API messages (<c>unlicenseduser</c>).</param>
public sealed class WeComMessageReceipt(
    string? messageId,
    IReadOnlyList<string> invalidUserIds,
    IReadOnlyList<string> invalidPartyIds,
    IReadOnlyList<string> invalidTagIds,
    IReadOnlyList<string> unlicensedUserIds)
{
    /// <summary>The <c>msgid</c>, or <see langword="null"/> when WeCom gave none.</summary>
    public string? MessageId { get; } = messageId;

    /// <summary>Members the message did not reach (<c>invaliduser</c>; WeCom lower-cases them).</summary>
    public IReadOnlyList<string> InvalidUserIds { get; } = invalidUserIds;

    /// <summary>Departments the message did not reach (<c>invalidparty</c>).</summary>
    public IReadOnlyList<string> InvalidPartyIds { get; } = invalidPartyIds;

    /// <summary>Tags the message did not reach (<c>invalidtag</c>).</summary>
    public IReadOnlyList<string> InvalidTagIds { get; } = invalidTagIds;

    /// <summary>Members without an API licence (<c>unlicenseduser</c>).</summary>
    public IReadOnlyList<string> UnlicensedUserIds { get; } = unlicensedUserIds;

    /// <summary>Whether every recipient was valid and licensed.</summary>
    public bool ReachedEveryone =>
        InvalidUserIds.Count + InvalidPartyIds.Count + InvalidTagIds.Count + UnlicensedUserIds.Count == 0;

    internal static WeComMessageReceipt From(MessageSendResponse response) => new(
        string.IsNullOrEmpty(response.MsgId) ? null : response.MsgId,
        SplitIds(response.InvalidUser),
        SplitIds(response.InvalidParty),
        SplitIds(response.InvalidTag),
        SplitIds(response.UnlicensedUser));

    private static string[] SplitIds(string? ids) =>
        string.IsNullOrEmpty(ids) ? [] : ids.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

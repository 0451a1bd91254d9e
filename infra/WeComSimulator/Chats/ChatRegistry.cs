using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ServerlessHub.WeCom.Simulation.Chats;

/// <summary>
/// The app-owned group chats: those preset in <see cref="WeComSimulatorOptions.Chats"/> and those created since.
/// </summary>
public sealed partial class ChatRegistry
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, SimulatedChat> chats = new(StringComparer.Ordinal);

    /// <summary>Creates the registry with the preset chats.</summary>
    /// <exception cref="ArgumentException">A preset chat is not one <c>appchat/create</c> would accept.</exception>
    public ChatRegistry(WeComSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var preset in options.Chats)
        {
            var refusal = Refusal(preset, options);
            if (refusal is not null)
            {
                throw new ArgumentException($"Preset chat '{preset.ChatId}': {refusal}.", nameof(options));
            }

            var owner = preset.Owner ?? preset.Members[0];
            if (TryCreate(preset.ChatId, preset.AgentId, preset.Name, owner, [.. preset.Members]) is null)
            {
                throw new ArgumentException($"Preset chat '{preset.ChatId}' is listed twice.", nameof(options));
            }
        }
    }

    /// <summary>The chat with <paramref name="chatId"/>, if it exists.</summary>
    public SimulatedChat? Find(string chatId)
    {
        lock (sync)
        {
            return chats.GetValueOrDefault(chatId);
        }
    }

    internal SimulatedChat? TryCreate(string? chatId, int agentId, string name, string owner, IReadOnlyList<string> members)
    {
        lock (sync)
        {
            var id = chatId ?? "wrsim" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            if (chats.ContainsKey(id))
            {
                return null;
            }

            var chat = new SimulatedChat(id, agentId, name, owner, members);
            chats[id] = chat;
            return chat;
        }
    }

    [GeneratedRegex("^[0-9a-zA-Z]{1,32}$")]
    internal static partial Regex ChatIdPattern();

    private static string? Refusal(PresetChat preset, WeComSimulatorOptions options)
    {
        if (!ChatIdPattern().IsMatch(preset.ChatId))
        {
            return "the chat id must be 1 to 32 characters of 0-9a-zA-Z";
        }

        if (!options.Apps.Any(a => a.AgentId == preset.AgentId))
        {
            return $"agent {preset.AgentId} is not one of the apps";
        }

        if (preset.Members.Count is < 2 or > 500)
        {
            return "a chat has 2 to 500 members";
        }

        if (preset.Members.FirstOrDefault(m => !options.Users.Contains(m, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            return $"member '{unknown}' is not one of the users";
        }

        return preset.Owner is not null && !preset.Members.Contains(preset.Owner, StringComparer.OrdinalIgnoreCase)
            ? "the owner must be a member"
            : null;
    }
}

/// <summary>An app-owned group chat.</summary>
/// <param name="ChatId">Its id.</param>
/// <param name="AgentId">The app that created it and may post to it.</param>
/// <param name="Name">Its name.</param>
/// <param name="Owner">The owner's user id.</param>
/// <param name="Members">The members' user ids.</param>
public sealed record SimulatedChat(string ChatId, int AgentId, string Name, string Owner, IReadOnlyList<string> Members);

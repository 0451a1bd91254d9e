using System.Security.Cryptography;

namespace ServerlessHub.WeCom.Simulation.Chats;

/// <summary>The app-owned group chats created so far.</summary>
public sealed class ChatRegistry
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, SimulatedChat> chats = new(StringComparer.Ordinal);

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
}

/// <summary>An app-owned group chat.</summary>
/// <param name="ChatId">Its id.</param>
/// <param name="AgentId">The app that created it and may post to it.</param>
/// <param name="Name">Its name.</param>
/// <param name="Owner">The owner's user id.</param>
/// <param name="Members">The members' user ids.</param>
public sealed record SimulatedChat(string ChatId, int AgentId, string Name, string Owner, IReadOnlyList<string> Members);

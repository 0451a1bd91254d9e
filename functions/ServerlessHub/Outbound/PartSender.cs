using ServerlessHub.WeCom.Api;

namespace ServerlessHub.Outbound;

/// <summary>What WeCom reported about an accepted part: recipients it could not reach.</summary>
public sealed record SendReceipt(IReadOnlyList<string> InvalidUsers, IReadOnlyList<string> InvalidParties)
{
    public static SendReceipt Complete { get; } = new([], []);
}

/// <summary>Sends one part, within its limit, to a resolved target with the matching WeCom call.</summary>
public sealed class PartSender(WeComClients clients)
{
    /// <param name="target">Where it goes.</param>
    /// <param name="format">Text or Markdown.</param>
    /// <param name="content">The part.</param>
    /// <param name="mentions">Members to @-mention, where the surface can.</param>
    /// <param name="duplicateCheck">
    /// Ask WeCom to drop the part if the same content reached the same members within this interval: app messages to
    /// members only, the one surface with such a check (robots, app chats and AI-bot replies have none).
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="WeComApiException">WeCom refused the part or could not be reached.</exception>
    public async Task<SendReceipt> SendAsync(
        DeliveryTarget target, MessageFormat format, string content, IReadOnlyList<string>? mentions, TimeSpan? duplicateCheck, CancellationToken cancellationToken)
    {
        var markdown = format == MessageFormat.Markdown;
        switch (target)
        {
            case RobotTarget robot:
                var robotClient = clients.Robot(robot.Key);
                await (markdown
                    ? robotClient.SendMarkdownAsync(content, cancellationToken)
                    : robotClient.SendTextAsync(content, mentions, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return SendReceipt.Complete;
            case AppMessageTarget people:
                var app = clients.App(people.App.CorpId, people.App.AgentId, people.Secret);
                var recipients = WeComRecipients.Users(people.UserIds);
                var receipt = await (markdown
                    ? app.SendMarkdownAsync(recipients, content, duplicateCheck, cancellationToken)
                    : app.SendTextAsync(recipients, content, duplicateCheck, cancellationToken)).ConfigureAwait(false);
                return new SendReceipt([.. receipt.InvalidUserIds, .. receipt.UnlicensedUserIds], receipt.InvalidPartyIds);
            case AppChatTarget chat:
                var chatApp = clients.App(chat.App.CorpId, chat.App.AgentId, chat.Secret);
                await (markdown
                    ? chatApp.SendChatMarkdownAsync(chat.ChatId, content, cancellationToken)
                    : chatApp.SendChatTextAsync(chat.ChatId, content, cancellationToken)).ConfigureAwait(false);
                return SendReceipt.Complete;
            case BotResponseTarget bot:
                await clients.Bot.SendMarkdownAsync(bot.ResponseUrl, content, cancellationToken).ConfigureAwait(false);
                return SendReceipt.Complete;
            default:
                throw new InvalidOperationException($"No sender for {target.GetType().Name}.");
        }
    }
}

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
    /// <exception cref="WeComApiException">WeCom refused the part or could not be reached.</exception>
    public async Task<SendReceipt> SendAsync(DeliveryTarget target, MessageFormat format, string content, IReadOnlyList<string>? mentions, CancellationToken cancellationToken)
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
                    ? app.SendMarkdownAsync(recipients, content, cancellationToken)
                    : app.SendTextAsync(recipients, content, cancellationToken)).ConfigureAwait(false);
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

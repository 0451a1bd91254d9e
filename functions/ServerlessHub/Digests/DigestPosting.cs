using ServerlessHub.Hubs;
using ServerlessHub.Outbound;
using ServerlessHub.Periods;
using ServerlessHub.Replies;
using ServerlessHub.Schedule;
using ServerlessHub.Storage.Digests;

namespace ServerlessHub.Digests;

/// <summary>
/// The tick's digest work: every digest whose weekly moment fell in the tick's window is posted about the kind's latest
/// due period, on each of its channels. Each post is claimed per (hub, kind, period, digest, channel) before it is
/// rendered and queued, so it goes out once whatever the number of instances; a claim whose owner died before queuing
/// is taken over by a later tick. When the chosen template fails, the built-in one stands in and the coordinators are told why.
/// </summary>
public sealed partial class DigestPosting(HubCatalog hubs, DigestPostStore posts, DigestBuilder builder, OutboundQueues outbound, TemplateRenderer templates, TimeProvider time, ILogger<DigestPosting> logger) : IScheduledWork
{
    /// <summary>How long a claim may stay unqueued before another instance takes the post over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private readonly string _owner = $"{Environment.MachineName}:{Guid.NewGuid():N}";

    public async Task RunAsync(TickWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        await foreach (var hub in hubs.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var kind in hub.Definition.Reports)
            {
                foreach (var digest in kind.Digests)
                {
                    if (DigestCalendar.LastOccurrence(digest.Schedule, hub.Calendar, hub.TimeZone, window.From, window.To) is { } at
                        && DigestCalendar.LastDue(hub, kind, at) is { } period)
                    {
                        await PostAsync(hub, kind, digest, period, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>Posts <paramref name="digest"/> of <paramref name="period"/> on each channel not posted yet.</summary>
    public async Task PostAsync(Hub hub, ReportKind kind, Digest digest, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(period);
        BuiltDigest? built = null;
        foreach (var channel in digest.ChannelIds)
        {
            if (!await posts.TryClaimAsync(hub.Id, kind.Id, period.Key, digest.Id, channel, _owner, time.GetUtcNow(), AbandonedAfter, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            built ??= await builder.BuildAsync(hub, kind, digest, period, cancellationToken).ConfigureAwait(false);
            await outbound.EnqueueAsync(new SendMessage(hub.Id, $"digest:{kind.Id}:{period.Key}:{digest.Id}:{channel}", Destination.Channel(channel), MessageFormat.Markdown, built.Markdown), cancellationToken).ConfigureAwait(false);
            await posts.MarkQueuedAsync(hub.Id, kind.Id, period.Key, digest.Id, channel, time.GetUtcNow(), built.Template, built.FallbackReason, cancellationToken).ConfigureAwait(false);
            Posted(logger, hub.Id, digest.Id, kind.Id, period.Key, channel, built.Template);
        }

        if (built?.FallbackReason is { } reason)
        {
            await TellCoordinatorsAsync(hub, kind, digest, period, built.Template, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TellCoordinatorsAsync(Hub hub, ReportKind kind, Digest digest, Period period, string template, string reason, CancellationToken cancellationToken)
    {
        TemplateFailed(logger, hub.Id, digest.Id, digest.Template, template);
        var coordinators = hub.PeopleWithRole(PersonRole.Coordinator).Select(p => p.UserId).ToList();
        if (coordinators.Count == 0 || hub.Definition.WeCom is null)
        {
            return;
        }

        var text = templates.Render("chat/digest-template-failed", new TemplateFailedModel(digest.Id, kind.Title, digest.Template, template, reason));
        await outbound.EnqueueAsync(new SendMessage(hub.Id, $"digest-template:{kind.Id}:{period.Key}:{digest.Id}", Destination.People(coordinators), MessageFormat.Text, text), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(1800, LogLevel.Information, "Hub {HubId}: digest {DigestId} of {ReportId} {PeriodKey} queued for channel {ChannelId} (template {Template})", EventName = "DigestPosted")]
    private static partial void Posted(ILogger logger, string hubId, string digestId, string reportId, string periodKey, string channelId, string template);

    [LoggerMessage(1801, LogLevel.Warning, "Hub {HubId}: digest {DigestId} could not use template {Template}; the built-in {Fallback} was used", EventName = "DigestTemplateFailed")]
    private static partial void TemplateFailed(ILogger logger, string hubId, string digestId, string template, string fallback);
}

/// <summary>What the coordinators are told when a digest's own template failed (<c>templates/chat/digest-template-failed</c>).</summary>
internal sealed record TemplateFailedModel(string Digest, string Kind, string Template, string Fallback, string Reason);

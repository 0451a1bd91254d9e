using ServerlessHub.Hubs;

namespace ServerlessHub.Chat;

public static partial class ChatCommandParser
{
    private static readonly (string Word, ChatVerb Verb)[] KindVerbs =
    [
        ("修改", ChatVerb.Revise), ("更正", ChatVerb.Revise),
        ("撤回", ChatVerb.Withdraw), ("撤销", ChatVerb.Withdraw),
        ("未交", ChatVerb.Missing), ("未报", ChatVerb.Missing),
        ("催报", ChatVerb.Urge), ("催交", ChatVerb.Urge),
        ("汇总", ChatVerb.Digest), ("查看", ChatVerb.Show), ("看", ChatVerb.Show),
    ];

    // 周报 … : a report kind at the start.
    private static ChatCommand? Report(string message, Person sender, HubDefinition hub, DateOnly today)
    {
        if (KindAt(hub, message, 0) is not { } found)
        {
            return null;
        }

        var (kind, hint, body) = AfterKind(found.Kind, message, 0, found.End, today);
        if (!MaySubmit(sender, kind))
        {
            return new NotAllowed(ChatVerb.Submit, kind);
        }

        return body.Length == 0
            ? new StartInterview(kind, InterviewPurpose.Submit, hint)
            : new SubmitReport(kind, LabelledFields.Read(kind, body, revision: false, today), hint);
    }

    // 修改 / 撤回 / 未交 / 催报 / 汇总 / 看 [kind] [period] [fields | unit].
    private static ChatCommand? KindVerb(string message, Person sender, HubDefinition hub, DateOnly today)
    {
        foreach (var (word, verb) in KindVerbs)
        {
            if (ChatText.StartsWithAt(message, 0, word)
                && (ChatText.IsBoundary(message, word.Length) || KindAt(hub, message, word.Length) is not null
                    || PeriodHints.TryRead(ChatText.HalfWidth(message), word.Length, today, out _, out _, out _)))
            {
                return KindVerb(verb, message, word.Length, sender, hub, today);
            }
        }

        return null;
    }

    private static ChatCommand KindVerb(ChatVerb verb, string message, int start, Person sender, HubDefinition hub, DateOnly today)
    {
        if (!MayAsk(sender, verb))
        {
            return new NotAllowed(verb, null);
        }

        var reportVerb = verb is ChatVerb.Revise or ChatVerb.Withdraw;
        var position = ChatText.Skip(message, start, separators: true);
        ReportKind kind;
        PeriodHint? hint;
        string rest;
        if (KindAt(hub, message, position) is { } named)
        {
            (kind, hint, rest) = AfterKind(named.Kind, message, position, named.End, today);
            if (reportVerb && !MaySubmit(sender, kind))
            {
                return new NotAllowed(verb, kind);
            }
        }
        else
        {
            var allowed = reportVerb ? hub.Reports.Where(k => MaySubmit(sender, k)).ToList() : [.. hub.Reports];
            if (allowed.Count == 0)
            {
                return reportVerb ? new NotAllowed(verb, null) : new ChooseReportKind(verb, [], null);
            }

            hint = null;
            var candidates = allowed;
            if (PeriodHints.TryRead(ChatText.HalfWidth(message), position, today, out var read, out var cadence, out var end)
                && allowed.Where(k => k.Schedule.Cadence == cadence).ToList() is { Count: > 0 } fitting)
            {
                hint = read;
                candidates = fitting;
                position = end;
            }

            rest = ChatText.Trim(message[position..]);
            if (candidates.Count > 1)
            {
                return new ChooseReportKind(verb, candidates, rest.Length == 0 ? null : ChatText.Echo(rest));
            }

            kind = candidates[0];
        }

        return verb switch
        {
            ChatVerb.Revise when rest.Length == 0 => new StartInterview(kind, InterviewPurpose.Revise, hint),
            ChatVerb.Revise => new ReviseReport(kind, LabelledFields.Read(kind, rest, revision: true, today), hint),
            ChatVerb.Withdraw => new WithdrawReport(kind, hint),
            ChatVerb.Missing => new ListMissing(kind, hint),
            ChatVerb.Digest => new ShowDigest(kind, hint),
            ChatVerb.Show => new ShowUnitReport(kind, hint, rest),
            _ => new UrgeMissing(kind, hint),
        };
    }

    // What follows a report kind's name: a period word that fits its cadence, then the body. A name that is also a
    // field label followed by a colon (本周进展：…) begins the body itself.
    private static (ReportKind Kind, PeriodHint? Hint, string Body) AfterKind(ReportKind kind, string message, int start, int end, DateOnly today)
    {
        if (LabelledFields.TryLabel(kind, message, start) is not null)
        {
            return (kind, null, ChatText.Trim(message[start..]));
        }

        var position = ChatText.Skip(message, end, separators: true);
        PeriodHint? hint = null;
        if (PeriodHints.TryRead(ChatText.HalfWidth(message), position, today, out var read, out var cadence, out var hintEnd)
            && cadence == kind.Schedule.Cadence)
        {
            hint = read;
            position = hintEnd;
        }

        return (kind, hint, ChatText.Trim(message[position..]));
    }
}

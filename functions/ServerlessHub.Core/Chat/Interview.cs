using System.Globalization;
using ServerlessHub.Hubs;
using ServerlessHub.Periods;

namespace ServerlessHub.Chat;

/// <summary>
/// A report asked for field by field, in the kind's field order (the interview style of stand-up bots). Pure.
/// </summary>
/// <remarks>
/// <para>While an interview is live, a message is read in this order:</para>
/// <list type="number">
/// <item>取消 / 退出 ends it, storing nothing; 帮助 / ? and 状态 / 我的 are answered and the interview goes on
/// (<see cref="ChatTurnResult.Pending"/> is the question to repeat);</item>
/// <item>a whole report — a report kind's name followed by labelled fields — ends it: for the interview's own kind the
/// fields are laid over the answers so far and the result is the <see cref="SubmitReport"/> (or
/// <see cref="ReviseReport"/>) that one message would give; another kind's report is read as a fresh command. A report
/// kind's name alone repeats the current question for the interview's own kind, and starts a new interview for
/// another;</item>
/// <item>labelled fields of the kind without its name: a single label of the field being asked is just an answer;
/// otherwise the values are taken, and the interview completes at once when no required field is left, or asks the
/// first field with an error, or goes on with the next unanswered field;</item>
/// <item>跳过 skips an optional field (in a revision, any field, keeping what was sent); on a required field it asks
/// again with <see cref="FieldErrorCode.Required"/>;</item>
/// <item>anything else is the answer to the field being asked, checked like a labelled value.</item>
/// </list>
/// <para>Every message that keeps the interview going pushes <see cref="Conversation.Expires"/> to
/// <see cref="ChatLimits.InterviewIdleTimeout"/> after it. A message after that is read as a fresh command and
/// <see cref="ChatTurnResult.Expired"/> carries the lapsed interview; so does a message for an interview whose report
/// kind or field the hub no longer has. Other command words (请假, 修改 …) are answers while an interview is live, since
/// a field value can begin with them.</para>
/// </remarks>
public static class Interview
{
    private static readonly string[] CancelWords = ["取消", "退出"];
    private const string SkipWord = "跳过";

    /// <summary>Starts the interview <paramref name="command"/> asks for, with its first question.</summary>
    public static ChatTurnResult Start(StartInterview command, HubDefinition hub, Person sender, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(sender);
        var conversation = new Conversation(
            hub.Id, sender.UserId, command.Kind.Id, command.Purpose, new Dictionary<string, string>(StringComparer.Ordinal),
            -1, command.Period, now, now + ChatLimits.InterviewIdleTimeout);
        return Advance(conversation, command.Kind, opening: true);
    }

    /// <summary>Takes the next message of <paramref name="conversation"/>.</summary>
    /// <exception cref="ArgumentException">The conversation belongs to another hub or person.</exception>
    public static ChatTurnResult Step(Conversation conversation, string? text, HubDefinition hub, Person sender, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(sender);
        if (conversation.HubId != hub.Id || !string.Equals(conversation.UserId, sender.UserId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The conversation belongs to another hub or person.", nameof(conversation));
        }

        var kind = hub.Reports.FirstOrDefault(k => k.Id == conversation.ReportId);
        if (conversation.IsExpired(now) || kind is null || conversation.FieldIndex < 0 || conversation.FieldIndex >= kind.Fields.Count)
        {
            return ChatTurn.Fresh(hub, sender, text, now, expired: conversation);
        }

        var live = conversation with { Expires = now + ChatLimits.InterviewIdleTimeout };
        var today = LocalTime.ToDate(now, hub.TimeZone);
        var message = ChatText.Clean(text);
        if (ChatCommandParser.IsOneOf(message, CancelWords))
        {
            return new ChatTurnResult(new InterviewCancelled(kind, live.Purpose), null, null, null);
        }

        if (ChatCommandParser.IsHelp(message) || ChatCommandParser.IsStatus(message))
        {
            ChatIntent intent = ChatCommandParser.IsHelp(message) ? ChatCommandParser.Help(HelpReason.Asked, sender, hub) : new ShowStatus();
            return new ChatTurnResult(intent, live, null, Ask(live, kind, null));
        }

        if (ChatCommandParser.KindAt(hub, message, 0) is { } named && LabelledFields.TryLabel(named.Kind, message, 0) is null)
        {
            switch (ChatCommandParser.Parse(message, sender, hub, today))
            {
                case SubmitReport report when report.Draft.Values.Count + report.Draft.Errors.Count > 0:
                    return report.Kind.Id == kind.Id ? WholeReport(live, kind, report) : new ChatTurnResult(report, null, null, null);
                case StartInterview start when start.Kind.Id == kind.Id:
                    return new ChatTurnResult(Ask(live, kind, null), live, null, null);
                case StartInterview start:
                    return Start(start, hub, sender, now);
            }
        }

        var field = kind.Fields[live.FieldIndex];
        if (LabelledFields.TryLabel(kind, message, 0) is { } label)
        {
            var draft = LabelledFields.Read(kind, message, revision: true, today);
            if (draft.Values.Count + draft.Errors.Count > 1 || label.Field != field)
            {
                return Labelled(live, kind, draft);
            }

            message = ChatText.Trim(message[label.End..]);
        }

        if (string.Equals(message, SkipWord, StringComparison.Ordinal) || message.Length == 0)
        {
            return live.Purpose == InterviewPurpose.Submit && field.Required
                ? new ChatTurnResult(Ask(live, kind, FieldValueReader.Error(field, FieldErrorCode.Required, message)), live, null, null)
                : message.Length == 0 ? new ChatTurnResult(Ask(live, kind, null), live, null, null) : Advance(live, kind, opening: false);
        }

        if (FieldValueReader.Read(field, message, today, out var error) is not { } value)
        {
            return new ChatTurnResult(Ask(live, kind, error), live, null, null);
        }

        return Advance(live with { Values = With(live.Values, [value]) }, kind, opening: false);
    }

    // Labelled fields without the kind's name: take them, then ask the first erroneous field, or go on.
    private static ChatTurnResult Labelled(Conversation live, ReportKind kind, ReportDraft draft)
    {
        var taken = live with { Values = With(live.Values, draft.Values) };
        if (draft.Errors.Count > 0)
        {
            var first = draft.Errors[0];
            var asking = taken with { FieldIndex = IndexOf(kind, first.Field) };
            return new ChatTurnResult(Ask(asking, kind, first), asking, null, null);
        }

        return taken.Purpose == InterviewPurpose.Revise || !kind.Fields.Any(f => f.Required && !taken.Values.ContainsKey(f.Id))
            ? Complete(taken, kind)
            : Advance(taken with { FieldIndex = taken.FieldIndex - 1 }, kind, opening: false);
    }

    // A whole report of the interview's kind: its fields over the answers so far, as one message would give.
    private static ChatTurnResult WholeReport(Conversation live, ReportKind kind, SubmitReport report)
    {
        var draft = report.Draft;
        var erroneous = draft.Errors.Select(e => e.Field.Id).ToHashSet(StringComparer.Ordinal);
        var values = Stored(live, kind).Where(v => !erroneous.Contains(v.Field.Id)).ToDictionary(v => v.Field.Id, StringComparer.Ordinal);
        foreach (var value in draft.Values)
        {
            values[value.Field.Id] = value;
        }

        var merged = draft with
        {
            Values = [.. kind.Fields.Where(f => values.ContainsKey(f.Id)).Select(f => values[f.Id])],
            Missing = live.Purpose == InterviewPurpose.Revise
                ? []
                : [.. kind.Fields.Where(f => f.Required && !erroneous.Contains(f.Id) && !values.ContainsKey(f.Id))],
        };
        var period = report.Period ?? live.Period;
        ChatIntent intent = live.Purpose == InterviewPurpose.Revise ? new ReviseReport(kind, merged, period) : new SubmitReport(kind, merged, period);
        return new ChatTurnResult(intent, null, null, null);
    }

    // Moves to the next field after FieldIndex with no answer yet; past the last, back to a required one still
    // unanswered (possible after labelled answers jumped ahead), else completes.
    private static ChatTurnResult Advance(Conversation conversation, ReportKind kind, bool opening)
    {
        var fields = kind.Fields;
        var next = Enumerable.Range(conversation.FieldIndex + 1, Math.Max(0, fields.Count - conversation.FieldIndex - 1))
            .FirstOrDefault(i => !conversation.Values.ContainsKey(fields[i].Id), -1);
        if (next < 0 && conversation.Purpose == InterviewPurpose.Submit)
        {
            next = Enumerable.Range(0, fields.Count).FirstOrDefault(i => fields[i].Required && !conversation.Values.ContainsKey(fields[i].Id), -1);
        }

        if (next < 0)
        {
            return Complete(conversation, kind);
        }

        var asking = conversation with { FieldIndex = next };
        return new ChatTurnResult(Ask(asking, kind, null) with { Opening = opening }, asking, null, null);
    }

    private static ChatTurnResult Complete(Conversation conversation, ReportKind kind)
    {
        var values = Stored(conversation, kind);
        var revision = conversation.Purpose == InterviewPurpose.Revise;
        var draft = new ReportDraft(
            values,
            revision ? [] : [.. kind.Fields.Where(f => f.Required && !values.Any(v => v.Field == f))],
            [],
            [],
            null);
        ChatIntent intent = revision ? new ReviseReport(kind, draft, conversation.Period) : new SubmitReport(kind, draft, conversation.Period);
        return new ChatTurnResult(intent, null, null, null);
    }

    private static AskField Ask(Conversation conversation, ReportKind kind, FieldError? error) =>
        new(kind, conversation.Purpose, kind.Fields[conversation.FieldIndex], conversation.FieldIndex + 1, kind.Fields.Count, false, error);

    private static int IndexOf(ReportKind kind, Field field)
    {
        for (var i = 0; i < kind.Fields.Count; i++)
        {
            if (kind.Fields[i] == field)
            {
                return i;
            }
        }

        return -1;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> values, IEnumerable<FieldValue> added)
    {
        var result = new Dictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var value in added)
        {
            result[value.Field.Id] = value.Text;
        }

        return result;
    }

    // The kept answers as typed values, in field order; an answer the field's current type cannot read (the hub was
    // changed mid-interview) is dropped.
    private static List<FieldValue> Stored(Conversation conversation, ReportKind kind)
    {
        var values = new List<FieldValue>();
        foreach (var field in kind.Fields)
        {
            if (conversation.Values.TryGetValue(field.Id, out var text) && FromStored(field, text) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static FieldValue? FromStored(Field field, string text) => field.Type switch
    {
        FieldType.Number => decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? new FieldValue(field, text, n, null) : null,
        FieldType.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? new FieldValue(field, text, null, d) : null,
        FieldType.Choice => field.Choices.Contains(text) ? new FieldValue(field, text, null, null) : null,
        _ => new FieldValue(field, text, null, null),
    };
}

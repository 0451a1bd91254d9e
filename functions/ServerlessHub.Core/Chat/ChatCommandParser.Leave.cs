using ServerlessHub.Hubs;

namespace ServerlessHub.Chat;

public static partial class ChatCommandParser
{
    private const string LeaveWord = "请假";

    private static readonly string[] RangeSeparators = ["至", "到", "~", "-", "—", "–"];

    // 请假 <first>[ 至 <last>] [reason]; the date forms are those of ChatDates.
    private static ChatCommand? Leave(string message, Person sender, DateOnly today)
    {
        if (!ChatText.StartsWithAt(message, 0, LeaveWord))
        {
            return null;
        }

        var text = ChatText.HalfWidth(message);
        var position = LeaveWord.Length;
        if (!ChatText.IsBoundary(text, position) && !ChatDates.TryRead(text, position, today, today, dayAlone: false, out _, out _))
        {
            return null;
        }

        if (!sender.HasRole(PersonRole.Liaison))
        {
            return new NotAllowed(ChatVerb.Leave, null);
        }

        position = ChatText.Skip(text, position, separators: true);
        if (position >= text.Length)
        {
            return new InvalidLeave(LeaveProblem.NoDates, null, null);
        }

        if (!ChatDates.TryRead(text, position, today, today, dayAlone: false, out var first, out var end))
        {
            return new InvalidLeave(LeaveProblem.UnreadableDates, null, null);
        }

        var last = first;
        position = ChatText.Skip(text, end);
        if (RangeSeparators.FirstOrDefault(s => ChatText.StartsWithAt(text, position, s)) is { } separator)
        {
            position = ChatText.Skip(text, position + separator.Length);
            if (!ChatDates.TryRead(text, position, today, first, dayAlone: true, out last, out end))
            {
                return new InvalidLeave(LeaveProblem.UnreadableDates, first, null);
            }
        }

        var reason = ChatText.Trim(message[ChatText.Skip(message, end, separators: true)..]);
        var problem =
            last < first ? LeaveProblem.Reversed
            : last.DayNumber - first.DayNumber + 1 > ChatLimits.MaxLeaveDays ? LeaveProblem.TooLong
            : first < today ? LeaveProblem.StartsInPast
            : reason.EnumerateRunes().Count() > ChatLimits.MaxLeaveReasonLength ? LeaveProblem.ReasonTooLong
            : (LeaveProblem?)null;
        return problem is { } p
            ? new InvalidLeave(p, first, last)
            : new RequestLeave(first, last, reason.Length == 0 ? null : reason);
    }
}
